/* cd-database.c — opening, migrating and talking to the SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cd-core-resources.h"
#include "cd-database.h"
#include "cd-error.h"
#include "cd-text.h"

#define BUSY_TIMEOUT_MS 10000
#define MAX_ADDRESSES 512

struct _CdDatabase
{
  GObject     parent_instance;

  /* Owned */
  sqlite3    *handle;
  char       *path;
  GHashTable *statements; /* SQL text → Statement */
  GHashTable *by_address; /* SQL text's address → Statement, in statements */
  char       *damage;     /* what first showed the file damaged, or NULL */

  int         schema_version;
  guint       depth;      /* transaction nesting: 0 none, 1 BEGIN, >1 SAVEPOINTs */
  guint       read_only : 1;
  guint       search_auto : 1;
};

G_DEFINE_FINAL_TYPE (CdDatabase, cd_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAMAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const migrations[] = {
  "/com/example/CompDesk/core/sql/0001-initial.sql",
  "/com/example/CompDesk/core/sql/0002-case-search.sql",
  "/com/example/CompDesk/core/sql/0003-settings.sql",
  "/com/example/CompDesk/core/sql/0004-blacklist-order.sql",
  "/com/example/CompDesk/core/sql/0005-due-promises.sql",
  "/com/example/CompDesk/core/sql/0006-list-covering-indexes.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CD_DATABASE_SCHEMA_VERSION);

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return CD_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CD_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return CD_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return CD_ERROR_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return CD_ERROR_IO;
    case SQLITE_CONSTRAINT:
      return CD_ERROR_CONFLICT;
    default:
      return CD_ERROR_DATABASE;
    }
}

static void
set_error_from_rc (sqlite3  *handle,
                   int       rc,
                   GError  **error)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  int code = error_code_for_sqlite (rc);

  switch (code)
    {
    case CD_ERROR_CORRUPT:
      g_set_error (error, CD_ERROR, code,
                   _("The database file is damaged or is not a CompDesk database (%s)"), detail);
      break;
    case CD_ERROR_BUSY:
      g_set_error (error, CD_ERROR, code,
                   _("The database is in use by another program; try again in a moment (%s)"),
                   detail);
      break;
    case CD_ERROR_READ_ONLY:
      g_set_error (error, CD_ERROR, code,
                   _("The database cannot be written to (%s)"), detail);
      break;
    case CD_ERROR_FULL:
      g_set_error (error, CD_ERROR, code,
                   _("The disk is full; nothing was changed (%s)"), detail);
      break;
    case CD_ERROR_IO:
      g_set_error (error, CD_ERROR, code,
                   _("The disk reported an error while reading or writing the database (%s)"),
                   detail);
      break;
    default:
      g_set_error (error, CD_ERROR, code, _("Database error: %s"), detail);
      break;
    }
}

/* Every SQLite failure on this connection comes through here: the one place that sees
 * SQLITE_CORRUPT / SQLITE_NOTADB whatever was being done, so the damage is noticed even when
 * the caller only shows (or drops) the error. */
static void
fail (CdDatabase  *self,
      int          rc,
      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  set_error_from_rc (self->handle, rc, &local_error);
  if (local_error->code == CD_ERROR_CORRUPT)
    cd_database_mark_damaged (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
}

void
cd_database_set_error (CdDatabase  *self,
                       int          rc,
                       GError     **error)
{
  if (self != NULL)
    fail (self, rc, error);
  else
    set_error_from_rc (NULL, rc, error);
}

static void
search_text_func (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *folded = NULL;

  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);
      if (text != NULL && *text != '\0')
        g_ptr_array_add (parts, (gpointer) text);
    }
  g_ptr_array_add (parts, NULL);

  folded = cd_text_fold_for_search ((const char * const *) parts->pdata);
  sqlite3_result_text (context, g_steal_pointer (&folded), -1, g_free);
}

static void
digits_func (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, cd_text_digits (text), -1, g_free);
}

static void
search_auto_func (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  CdDatabase *self = sqlite3_user_data (context);

  sqlite3_result_int (context, self->search_auto);
}

static void
phone_key_func (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, cd_text_phone_key (text), -1, g_free);
}

/* A prepared statement and its SQL */
typedef struct
{
  char         *sql;
  sqlite3_stmt *stmt;
} Statement;

static void
statement_free (gpointer data)
{
  Statement *statement = data;

  sqlite3_finalize (statement->stmt);
  g_free (statement->sql);
  g_free (statement);
}

static void
cd_database_finalize (GObject *object)
{
  CdDatabase *self = (CdDatabase *) object;

  g_clear_pointer (&self->by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    {
      /* Leave no -wal/-shm behind once the last connection closes. */
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->damage, g_free);

  G_OBJECT_CLASS (cd_database_parent_class)->finalize (object);
}

static void
cd_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CdDatabase *self = CD_DATABASE (object);

  switch (prop_id)
    {
    case PROP_DAMAGE:
      g_value_set_string (value, self->damage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_database_class_init (CdDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cd_database_finalize;
  object_class->get_property = cd_database_get_property;

  /**
   * CdDatabase:damage: (nullable)
   *
   * What first showed the file to be damaged (SQLITE_CORRUPT, SQLITE_NOTADB, a failed
   * integrity check), or %NULL while nothing has. Set once; the application watches it.
   */
  properties[PROP_DAMAGE] =
    g_param_spec_string ("damage", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_database_init (CdDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_free);
  self->by_address = g_hash_table_new (NULL, NULL);
  self->search_auto = TRUE;
}

/**
 * cd_database_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/compdesk/compdesk.db`
 */
char *
cd_database_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "compdesk", "compdesk.db", NULL);
}

/* Personal data: the folder is the user's alone, and so is the file. SQLite gives the -wal
 * and -shm files the mode of the database file. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      /* Whatever the umask, the new file is 0600. */
      if (fchmod (fd, 0600) != 0)
        g_debug ("fchmod failed: %s", g_strerror (errno));
      close (fd);
    }
  else if (errno != EEXIST)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
cd_database_exec (CdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (CdDatabase  *self,
                   int         *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return FALSE;
  if (cd_database_step (self, stmt, error) != CD_STEP_ROW)
    return FALSE;
  *version = sqlite3_column_int (stmt, 0);
  cd_database_release (stmt);
  return TRUE;
}

static gboolean
apply_migration (CdDatabase  *self,
                 int          to_version,
                 GError     **error)
{
  g_autoptr(GBytes) script = NULL;
  g_autofree char *set_version = NULL;

  script = g_resource_lookup_data (cd_core_get_resource (), migrations[to_version - 1],
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (script == NULL)
    return FALSE;

  if (!cd_database_begin (self, error))
    return FALSE;

  /* Our own SQL from the resource bundle, never user input; PRAGMA takes no parameters. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  if (!cd_database_exec (self, g_bytes_get_data (script, NULL), error) ||
      !cd_database_exec (self, set_version, error))
    {
      cd_database_rollback (self);
      g_prefix_error (error, _("Upgrading the database to version %d failed: "), to_version);
      return FALSE;
    }

  return cd_database_commit (self, error);
}

static gboolean
keep_copy_before_migrating (CdDatabase  *self,
                            int          from_version,
                            GError     **error)
{
  g_autofree char *copy = g_strdup_printf ("%s.v%d.bak", self->path, from_version);

  return cd_database_backup_to (self, copy, error);
}

static gboolean
migrate (CdDatabase  *self,
         int          target,
         GError     **error)
{
  int version = 0;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version > CD_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_SCHEMA_TOO_NEW,
                   _("The database was written by a newer CompDesk (schema %d; this version "
                     "understands up to %d). Update CompDesk to open it."),
                   version, CD_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Only now that the file is known to be ours may it change (WAL rewrites its header). */
  if (!self->read_only &&
      (!cd_database_exec (self, "PRAGMA journal_mode = WAL", error) ||
       !cd_database_exec (self, "PRAGMA synchronous = FULL", error)))
    return FALSE;

  if (version < target && self->read_only)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_READ_ONLY,
                   _("The database needs an upgrade but cannot be written to"));
      return FALSE;
    }

  /* A seller's history exists only here: keep the old file before changing its shape. */
  if (version > 0 && version < target && !keep_copy_before_migrating (self, version, error))
    return FALSE;

  for (int next = version + 1; next <= target; next++)
    if (!apply_migration (self, next, error))
      return FALSE;

  self->schema_version = MAX (version, target);
  return TRUE;
}

static gboolean
configure_connection (CdDatabase  *self,
                      GError     **error)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  if (sqlite3_create_function (self->handle, "cd_search_text", -1, flags, NULL,
                               search_text_func, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->handle, "cd_digits", 1, flags, NULL,
                               digits_func, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->handle, "cd_phone_key", 1, flags, NULL,
                               phone_key_func, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->handle, "cd_search_auto", 0,
                               SQLITE_UTF8 | SQLITE_INNOCUOUS, self,
                               search_auto_func, NULL, NULL) != SQLITE_OK)
    {
      fail (self, sqlite3_errcode (self->handle), error);
      return FALSE;
    }

  return cd_database_exec (self, "PRAGMA foreign_keys = ON", error);
}

/* A WAL database is read through its -shm file, which SQLite creates beside it; on a
 * read-only file system (read-only media, a locked-down mount) it cannot, and every read
 * fails with SQLITE_CANTOPEN. Nothing can change a file there, so SQLite may treat it as
 * immutable and read it without the -shm. Returns: an SQLite result code */
static int
open_on_read_only_media (CdDatabase *self)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  int rc = sqlite3_exec (self->handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);

  if ((rc & 0xff) != SQLITE_CANTOPEN)
    return SQLITE_OK;

  escaped = g_uri_escape_string (self->path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3_close_v2 (self->handle);
  self->handle = NULL;
  return sqlite3_open_v2 (uri, &self->handle,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
}

/* Settings for the whole SQLite library, made once before the first connection opens
 * (sqlite3_config() refuses them, harmlessly, once the library is initialised).
 * SQLITE_CONFIG_MEMSTATUS off: nothing here reads sqlite3_memory_used() or sets a heap
 * limit, and keeping those counts takes a global mutex round every allocation. Reading
 * the schema, which every connection does first, allocates about 1,300 times; without
 * the counts compdesk --check-buyer runs about 300,000 fewer instructions (of 1.9
 * million more than --version; BENCHMARKS.md). */
static void
configure_library (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      int rc = sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

      if (rc != SQLITE_OK)
        g_debug ("SQLite is initialised already; its memory statistics stay on (%s)",
                 sqlite3_errstr (rc));
      g_once_init_leave (&configured, 1);
    }
}

/**
 * cd_database_open_at_version:
 * @path: (nullable): the file, or %NULL for the default
 * @version: the schema version to migrate to (tests use older ones)
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
CdDatabase *
cd_database_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(CdDatabase) self = g_object_new (CD_TYPE_DATABASE, NULL);
  int rc;

  g_return_val_if_fail (version >= 1 && version <= CD_DATABASE_SCHEMA_VERSION, NULL);

  configure_library ();
  self->path = path != NULL ? g_strdup (path) : cd_database_dup_default_path ();
  if (!prepare_file (self->path, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_NOMEM)
    {
      /* A file we may read but not write still opens, read-only, so nothing is hidden. */
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
      rc = sqlite3_open_v2 (self->path, &self->handle,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
      self->read_only = rc == SQLITE_OK;
    }
  else if (rc == SQLITE_OK && access (self->path, W_OK) != 0)
    {
      self->read_only = TRUE;
    }

  if (rc == SQLITE_OK && self->read_only)
    rc = open_on_read_only_media (self);

  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      g_prefix_error (error, _("Cannot open “%s”: "), self->path);
      return NULL;
    }

  if (!configure_connection (self, error) || !migrate (self, version, error))
    {
      g_prefix_error (error, _("Cannot open “%s”: "), self->path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cd_database_open:
 * @path: (nullable): the file, or %NULL for the default
 *
 * Opens or creates the database and brings its schema up to date.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
CdDatabase *
cd_database_open (const char  *path,
                  GError     **error)
{
  return cd_database_open_at_version (path, CD_DATABASE_SCHEMA_VERSION, error);
}

/**
 * cd_database_open_existing:
 * @path: the file the window has open
 *
 * Opens @path as cd_database_open() does, but only if the file is there: for a second
 * connection (a worker thread's), which must not make an empty shop where the window's file
 * was moved away.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
CdDatabase *
cd_database_open_existing (const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The database “%s” is gone"),
                   path);
      return NULL;
    }
  return cd_database_open (path, error);
}

const char *
cd_database_get_path (CdDatabase *self)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), NULL);
  return self->path;
}

int
cd_database_get_schema_version (CdDatabase *self)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), 0);
  return self->schema_version;
}

gboolean
cd_database_is_read_only (CdDatabase *self)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), TRUE);
  return self->read_only;
}

/**
 * cd_database_get_handle:
 *
 * Returns: (transfer none): the SQLite connection
 */
sqlite3 *
cd_database_get_handle (CdDatabase *self)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), NULL);
  return self->handle;
}

/**
 * cd_database_prepare:
 * @sql: a string literal; never text built from user input
 *
 * Returns: (transfer none): a reset statement from the cache, or %NULL with @error set.
 *   Run it to completion with cd_database_step() or hand it back with cd_database_release().
 */
sqlite3_stmt *
cd_database_prepare (CdDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  Statement *statement;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CD_IS_DATABASE (self), NULL);

  /* Most SQL is a literal, passed at the same address each time: comparing it with the
   * cached copy is cheaper than hashing it, and a different text at an address once seen
   * falls through to the hash. */
  statement = g_hash_table_lookup (self->by_address, sql);
  if (statement != NULL && strcmp (statement->sql, sql) == 0)
    return statement->stmt;
  statement = g_hash_table_lookup (self->statements, sql);
  if (statement == NULL)
    {
      rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          fail (self, rc, error);
          return NULL;
        }
      statement = g_new (Statement, 1);
      statement->sql = g_strdup (sql);
      statement->stmt = stmt;
      g_hash_table_insert (self->statements, statement->sql, statement);
    }
  /* Built SQL comes at ever new addresses: the map is only a shortcut, and starts again
   * rather than growing without end. */
  if (g_hash_table_size (self->by_address) >= MAX_ADDRESSES)
    g_hash_table_remove_all (self->by_address);
  g_hash_table_insert (self->by_address, (gpointer) sql, statement);
  return statement->stmt;
}

void
cd_database_release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/**
 * cd_database_step:
 *
 * Returns: %CD_STEP_ROW while there are rows; %CD_STEP_DONE at the end, or %CD_STEP_ERROR
 *   with @error set. The statement is released on both of the latter.
 */
CdStep
cd_database_step (CdDatabase    *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return CD_STEP_ROW;

  if (rc == SQLITE_DONE)
    {
      cd_database_release (stmt);
      return CD_STEP_DONE;
    }

  fail (self, rc, error);
  cd_database_release (stmt);
  return CD_STEP_ERROR;
}

gboolean
cd_database_step_done (CdDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  switch (cd_database_step (self, stmt, error))
    {
    case CD_STEP_DONE:
      return TRUE;
    case CD_STEP_ROW:
      cd_database_release (stmt);
      return TRUE;
    case CD_STEP_ERROR:
    default:
      return FALSE;
    }
}

/**
 * cd_database_column_text:
 *
 * Returns: (transfer none): the column's text, "" for NULL
 */
const char *
cd_database_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
begin_with (CdDatabase  *self,
            const char  *sql,
            GError     **error)
{
  if (self->depth > 0)
    sql = "SAVEPOINT cd_nested";
  if (!cd_database_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/**
 * cd_database_begin:
 *
 * Starts a write transaction (`BEGIN IMMEDIATE`, so that a second writer waits here rather
 * than failing half-way), or a savepoint inside one.
 */
gboolean
cd_database_begin (CdDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), FALSE);
  return begin_with (self, "BEGIN IMMEDIATE", error);
}

/* A consistent snapshot for reading several tables (export). */
gboolean
cd_database_begin_read (CdDatabase  *self,
                        GError     **error)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), FALSE);
  return begin_with (self, "BEGIN DEFERRED", error);
}

gboolean
cd_database_commit (CdDatabase  *self,
                    GError     **error)
{
  const char *sql;

  g_return_val_if_fail (CD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth > 1 ? "RELEASE cd_nested" : "COMMIT";
  if (!cd_database_exec (self, sql, error))
    {
      cd_database_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
cd_database_rollback (CdDatabase *self)
{
  g_return_if_fail (CD_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    sqlite3_exec (self->handle, "ROLLBACK TO cd_nested; RELEASE cd_nested", NULL, NULL, NULL);
  else if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  self->depth--;
}

gboolean
cd_database_in_transaction (CdDatabase *self)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), FALSE);
  return self->depth > 0;
}

/**
 * cd_database_backup_to:
 * @dest_path: where the copy goes; replaced if it exists
 *
 * Copies the database with SQLite's online backup API into a private (0600) file, written
 * beside the destination first and renamed into place, so a failed copy leaves nothing.
 */
gboolean
cd_database_backup_to (CdDatabase  *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.partial", dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (CD_IS_DATABASE (self), FALSE);

  g_unlink (tmp_path);
  if (!prepare_file (tmp_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }

  if (rc != SQLITE_OK)
    {
      /* The copy is new: damage it meets is the source's. */
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        fail (self, rc, error);
      else
        set_error_from_rc (dest, rc, error);
      g_prefix_error (error, _("Cannot copy the database to “%s”: "), dest_path);
      sqlite3_close_v2 (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  sqlite3_close_v2 (dest);
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot copy the database to “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_database_set_search_auto:
 * @automatic: whether triggers keep the case search index up to date row by row
 *
 * Bulk writers turn this off and index what they wrote in one statement (see
 * sql/0002-case-search.sql).
 */
void
cd_database_set_search_auto (CdDatabase *self,
                             gboolean    automatic)
{
  g_return_if_fail (CD_IS_DATABASE (self));
  self->search_auto = automatic != FALSE;
}

/**
 * cd_database_get_data_version:
 *
 * Returns: a number that changes whenever another connection (another process: an import
 *   from the command line) commits a change; -1 if it cannot be read
 */
gint64
cd_database_get_data_version (CdDatabase *self)
{
  sqlite3_stmt *stmt;
  gint64 version;

  g_return_val_if_fail (CD_IS_DATABASE (self), -1);

  stmt = cd_database_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL || cd_database_step (self, stmt, NULL) != CD_STEP_ROW)
    return -1;
  version = sqlite3_column_int64 (stmt, 0);
  cd_database_release (stmt);
  return version;
}

/**
 * cd_database_get_damage:
 *
 * Returns: (transfer none) (nullable): what first showed the file to be damaged, or %NULL
 */
const char *
cd_database_get_damage (CdDatabase *self)
{
  g_return_val_if_fail (CD_IS_DATABASE (self), NULL);
  return self->damage;
}

/**
 * cd_database_mark_damaged:
 * @message: what was found, for the seller
 *
 * Records that the file is damaged, for faults SQLite itself does not report as
 * SQLITE_CORRUPT (an integrity check's findings). Only the first report counts.
 */
void
cd_database_mark_damaged (CdDatabase *self,
                          const char *message)
{
  g_return_if_fail (CD_IS_DATABASE (self));
  g_return_if_fail (message != NULL);

  if (self->damage != NULL)
    return;
  self->damage = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGE]);
}
