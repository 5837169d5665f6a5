/* cd-test-util.c — helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cd-test-util.h"

/* Returns: (transfer full): a fresh private directory; remove it with cd_test_remove_dir() */
char *
cd_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("compdesk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
cd_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    return;
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        cd_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Returns: (transfer full): a new database "test.db" in @dir */
CdDatabase *
cd_test_open_database (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  CdDatabase *db = cd_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

/* Returns: (transfer full): the file's contents */
char *
cd_test_read_file (const char *path,
                   gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static gboolean
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

/**
 * cd_test_enter_mount_namespace:
 * @reason: (out): why not, on failure
 *
 * Gives the calling thread a mount namespace of its own, where mounts (a read-only bind
 * mount, a small tmpfs) change nothing outside: as root, or through a user namespace when
 * not (which needs a process with one thread). Call it in a child or subprocess.
 */
gboolean
cd_test_enter_mount_namespace (char **reason)
{
  if (geteuid () != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) geteuid ());
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) getegid ());

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        {
          *reason = g_strdup_printf ("no user and mount namespace: %s", g_strerror (errno));
          return FALSE;
        }
      if (!write_proc_file ("/proc/self/setgroups", "deny") ||
          !write_proc_file ("/proc/self/uid_map", uid_map) ||
          !write_proc_file ("/proc/self/gid_map", gid_map))
        {
          *reason = g_strdup_printf ("cannot map the user namespace: %s", g_strerror (errno));
          return FALSE;
        }
    }
  else if (unshare (CLONE_NEWNS) != 0)
    {
      *reason = g_strdup_printf ("no mount namespace: %s", g_strerror (errno));
      return FALSE;
    }

  /* Mounts made from here on must not propagate back to the parent namespace. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      *reason = g_strdup_printf ("cannot make the mounts private: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
