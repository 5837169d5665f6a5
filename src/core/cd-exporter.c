/* cd-exporter.c — writing everything in the exchange format (../shared/formats)
 *
 * The JSON is written as it is read from the database, one record at a time, so an export
 * needs little memory whatever the database's size. Every key is written, always in the same
 * order, so that export → import → export gives the same bytes (apart from exported_at).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-exporter"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-exporter.h"
#include "cd-shop-settings.h"
#include "cd-template-repository.h"
#include "cd-time.h"

#define FLUSH_AT (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  GError        *error;
  int            depth;
  gboolean       first;   /* no member written yet at this depth */
} Writer;

static gboolean
flush (Writer *w)
{
  if (w->error != NULL)
    return FALSE;
  if (w->buffer->len > 0 &&
      !g_output_stream_write_all (w->stream, w->buffer->str, w->buffer->len, NULL,
                                  w->cancellable, &w->error))
    return FALSE;
  g_string_truncate (w->buffer, 0);
  return TRUE;
}

static void
maybe_flush (Writer *w)
{
  if (w->buffer->len >= FLUSH_AT)
    flush (w);
}

static void
newline (Writer *w)
{
  g_string_append_c (w->buffer, '\n');
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->buffer, "  ");
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a member ("key": ) of the current object, or an element when @key is NULL. */
static void
member (Writer     *w,
        const char *key)
{
  if (!w->first)
    g_string_append_c (w->buffer, ',');
  w->first = FALSE;
  newline (w);
  if (key != NULL)
    {
      append_string (w->buffer, key);
      g_string_append (w->buffer, ": ");
    }
}

static void
open_container (Writer     *w,
                const char *key,
                char        bracket)
{
  member (w, key);
  g_string_append_c (w->buffer, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
close_container (Writer *w,
                 char    bracket)
{
  w->depth--;
  if (!w->first)
    newline (w);
  g_string_append_c (w->buffer, bracket);
  w->first = FALSE;
  maybe_flush (w);
}

static void
put_string (Writer     *w,
            const char *key,
            const char *value)
{
  member (w, key);
  append_string (w->buffer, value != NULL ? value : "");
}

static void
put_int (Writer     *w,
         const char *key,
         gint64      value)
{
  member (w, key);
  g_string_append_printf (w->buffer, "%" G_GINT64_FORMAT, value);
}

static void
put_bool (Writer     *w,
          const char *key,
          gboolean    value)
{
  member (w, key);
  g_string_append (w->buffer, value ? "true" : "false");
}

static void
put_null (Writer     *w,
          const char *key)
{
  member (w, key);
  g_string_append (w->buffer, "null");
}

static void
put_time (Writer     *w,
          const char *key,
          gint64      value)
{
  g_autofree char *text = NULL;

  if (value == CD_TIME_UNSET)
    {
      put_null (w, key);
      return;
    }
  text = cd_time_format (value);
  put_string (w, key, text);
}

static void
put_enum (Writer     *w,
          const char *key,
          GType       type,
          int         value)
{
  put_string (w, key, cd_enum_to_nick (type, value));
}

static void
write_compensation (Writer         *w,
                    CdCompensation *c)
{
  open_container (w, NULL, '{');
  put_enum (w, "kind", CD_TYPE_COMPENSATION_KIND, c->kind);
  put_enum (w, "status", CD_TYPE_COMPENSATION_STATUS, c->status);
  put_int (w, "amount_minor", c->amount);
  put_int (w, "cost_minor", c->cost);
  put_string (w, "reference", c->reference);
  put_string (w, "note", c->note);
  put_time (w, "done_at", c->done_at);
  close_container (w, '}');
}

static void
write_follow_up (Writer     *w,
                 CdFollowUp *f)
{
  open_container (w, NULL, '{');
  put_time (w, "due_at", f->due_at);
  put_enum (w, "method", CD_TYPE_FOLLOW_UP_METHOD, f->method);
  put_time (w, "done_at", f->done_at);
  if (f->satisfaction >= 1 && f->satisfaction <= 5)
    put_int (w, "satisfaction", f->satisfaction);
  else
    put_null (w, "satisfaction");
  put_string (w, "remarks", f->remarks);
  close_container (w, '}');
}

static void
write_case (Writer *w,
            CdCase *kase)
{
  open_container (w, NULL, '{');
  put_string (w, "uid", kase->uid);
  put_time (w, "created_at", kase->created_at);
  put_time (w, "updated_at", kase->updated_at);

  open_container (w, "customer", '{');
  put_string (w, "name", kase->customer_name);
  put_enum (w, "platform", CD_TYPE_PLATFORM, kase->platform);
  put_string (w, "buyer_id", kase->buyer_id);
  put_string (w, "phone", kase->phone);
  put_string (w, "email", kase->email);
  close_container (w, '}');

  open_container (w, "order", '{');
  put_string (w, "number", kase->order_number);
  put_string (w, "product", kase->product);
  put_int (w, "amount_minor", kase->order_amount);
  close_container (w, '}');

  put_enum (w, "channel", CD_TYPE_CHANNEL, kase->channel);
  put_enum (w, "category", CD_TYPE_CATEGORY, kase->category);
  put_enum (w, "severity", CD_TYPE_SEVERITY, kase->severity);
  put_enum (w, "responsibility", CD_TYPE_RESPONSIBILITY, kase->responsibility);
  put_enum (w, "stage", CD_TYPE_STAGE, kase->stage);
  put_string (w, "description", kase->description);
  put_string (w, "summary", kase->summary);
  put_bool (w, "summary_confirmed", kase->summary_confirmed);
  put_string (w, "customer_wants", kase->customer_wants);
  put_string (w, "promise", kase->promise);
  put_time (w, "promised_by", kase->promised_by);
  put_enum (w, "root_cause", CD_TYPE_ROOT_CAUSE, kase->root_cause);
  put_string (w, "improvement", kase->improvement);
  /* Not in the format's schema; readers ignore keys they do not know. */
  if (kase->language[0] != '\0')
    put_string (w, "language", kase->language);

  open_container (w, "compensations", '[');
  for (guint i = 0; i < kase->compensations->len; i++)
    write_compensation (w, g_ptr_array_index (kase->compensations, i));
  close_container (w, ']');

  open_container (w, "followups", '[');
  for (guint i = 0; i < kase->followups->len; i++)
    write_follow_up (w, g_ptr_array_index (kase->followups, i));
  close_container (w, ']');

  open_container (w, "events", '[');
  for (guint i = 0; i < kase->events->len; i++)
    {
      CdTimelineEvent *e = g_ptr_array_index (kase->events, i);

      open_container (w, NULL, '{');
      put_time (w, "at", e->at);
      put_string (w, "kind", e->kind);
      put_string (w, "text", e->text);
      close_container (w, '}');
    }
  close_container (w, ']');
  close_container (w, '}');
}

static gboolean
write_cases (Writer      *w,
             CdDatabase  *db,
             GError     **error)
{
  g_autoptr(CdCaseRepository) repo = cd_case_repository_new (db);
  sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT id FROM cases ORDER BY id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;

  open_container (w, "cases", '[');
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      g_autoptr(CdCase) kase = cd_case_repository_load (repo, sqlite3_column_int64 (stmt, 0),
                                                        error);
      if (kase == NULL || w->error != NULL)
        {
          cd_database_release (stmt);
          return FALSE;
        }
      write_case (w, kase);
    }
  close_container (w, ']');
  return step == CD_STEP_DONE;
}

static void
write_entry (Writer           *w,
             CdBlacklistEntry *entry)
{
  open_container (w, NULL, '{');
  put_string (w, "uid", entry->uid);
  put_enum (w, "platform", CD_TYPE_PLATFORM, entry->platform);
  put_string (w, "buyer_id", entry->buyer_id);
  put_string (w, "nickname", entry->nickname);
  put_string (w, "phone", entry->phone);
  put_string (w, "name", entry->name);
  put_enum (w, "reason", CD_TYPE_BLACKLIST_REASON, entry->reason);
  put_string (w, "evidence", entry->evidence);
  open_container (w, "case_uids", '[');
  for (guint i = 0; i < entry->case_uids->len; i++)
    put_string (w, NULL, g_ptr_array_index (entry->case_uids, i));
  close_container (w, ']');
  put_time (w, "added_at", entry->added_at);
  put_bool (w, "active", entry->active);
  close_container (w, '}');
}

static gboolean
write_blacklist (Writer      *w,
                 CdDatabase  *db,
                 GError     **error)
{
  g_autoptr(CdBlacklistRepository) repo = cd_blacklist_repository_new (db);
  sqlite3_stmt *stmt = cd_database_prepare (db, "SELECT id FROM blacklist ORDER BY id", error);
  CdStep step;

  if (stmt == NULL)
    return FALSE;

  open_container (w, "blacklist", '[');
  while ((step = cd_database_step (db, stmt, error)) == CD_STEP_ROW)
    {
      g_autoptr(CdBlacklistEntry) entry =
        cd_blacklist_repository_load (repo, sqlite3_column_int64 (stmt, 0), error);
      if (entry == NULL || w->error != NULL)
        {
          cd_database_release (stmt);
          return FALSE;
        }
      write_entry (w, entry);
    }
  close_container (w, ']');
  return step == CD_STEP_DONE;
}

static gboolean
write_templates (Writer      *w,
                 CdDatabase  *db,
                 GError     **error)
{
  g_autoptr(CdTemplateRepository) repo = cd_template_repository_new (db);
  g_autoptr(GPtrArray) templates = cd_template_repository_list (repo, error);

  if (templates == NULL)
    return FALSE;

  open_container (w, "templates", '[');
  for (guint i = 0; i < templates->len; i++)
    {
      CdMessageTemplate *tmpl = g_ptr_array_index (templates, i);

      open_container (w, NULL, '{');
      put_string (w, "uid", tmpl->uid);
      put_string (w, "name", tmpl->name);
      put_string (w, "stage", tmpl->stage);
      put_string (w, "language", tmpl->language);
      put_string (w, "body", tmpl->body);
      close_container (w, '}');
    }
  close_container (w, ']');
  return TRUE;
}

static gboolean
write_document (Writer      *w,
                CdDatabase  *db,
                gint64       exported_at,
                GError     **error)
{
  g_autoptr(CdShopSettings) shop = cd_shop_settings_load (db, error);

  if (shop == NULL)
    return FALSE;

  g_string_append_c (w->buffer, '{');
  w->depth = 1;
  w->first = TRUE;
  put_string (w, "format", "compdesk-export");
  put_int (w, "version", 1);
  put_time (w, "exported_at", exported_at);
  open_container (w, "shop", '{');
  put_string (w, "name", shop->name);
  put_string (w, "currency", shop->currency);
  close_container (w, '}');

  if (!write_cases (w, db, error) || !write_blacklist (w, db, error) ||
      !write_templates (w, db, error))
    return FALSE;

  w->depth = 0;
  g_string_append (w->buffer, "\n}\n");
  return TRUE;
}

/* The blacklist alone: no shop (importing it elsewhere must not rename that shop or change
 * its currency), "cases" empty because the format requires the member, and no templates. */
static gboolean
write_blacklist_document (Writer      *w,
                          CdDatabase  *db,
                          gint64       exported_at,
                          GError     **error)
{
  g_string_append_c (w->buffer, '{');
  w->depth = 1;
  w->first = TRUE;
  put_string (w, "format", "compdesk-export");
  put_int (w, "version", 1);
  put_time (w, "exported_at", exported_at);
  open_container (w, "cases", '[');
  close_container (w, ']');

  if (!write_blacklist (w, db, error))
    return FALSE;

  w->depth = 0;
  g_string_append (w->buffer, "\n}\n");
  return TRUE;
}

typedef gboolean (*WriteDocumentFunc) (Writer      *w,
                                       CdDatabase  *db,
                                       gint64       exported_at,
                                       GError     **error);

static gboolean
export_to_stream (CdDatabase         *db,
                  GOutputStream      *stream,
                  gint64              exported_at,
                  WriteDocumentFunc   write,
                  GCancellable       *cancellable,
                  GError            **error)
{
  Writer w = { stream, cancellable, g_string_sized_new (FLUSH_AT + 4096), NULL, 0, TRUE };
  gboolean ok;

  if (!cd_database_begin_read (db, error))
    {
      g_string_free (w.buffer, TRUE);
      return FALSE;
    }

  ok = write (&w, db, exported_at, error) && flush (&w);
  cd_database_rollback (db);   /* read-only: nothing to keep */
  g_string_free (w.buffer, TRUE);

  if (w.error != NULL)
    {
      if (ok || (error != NULL && *error == NULL))
        g_propagate_error (error, w.error);
      else
        g_error_free (w.error);
      return FALSE;
    }
  return ok;
}

static gboolean
export_to_file (CdDatabase         *db,
                const char         *path,
                WriteDocumentFunc   write,
                GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abort = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GOutputStream) stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!export_to_stream (db, stdout_stream, cd_time_now (), write, NULL, error))
        return FALSE;
      return g_output_stream_flush (stdout_stream, NULL, error);
    }

  file = g_file_new_for_commandline_arg (path);
  out = g_file_replace (file, NULL, FALSE,
                        G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    {
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }

  abort = g_cancellable_new ();
  if (!export_to_stream (db, G_OUTPUT_STREAM (out), cd_time_now (), write, NULL, error))
    {
      /* Closing a replace stream through a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    {
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_export_to_stream:
 * @exported_at: the instant to write as `exported_at`
 *
 * Writes the whole database to @stream, read in one transaction so that the file is one
 * consistent picture even while the application writes.
 */
gboolean
cd_export_to_stream (CdDatabase     *db,
                     GOutputStream  *stream,
                     gint64          exported_at,
                     GCancellable   *cancellable,
                     GError        **error)
{
  return export_to_stream (db, stream, exported_at, write_document, cancellable, error);
}

/**
 * cd_export_to_file:
 * @path: the file to write, or "-" for standard output
 *
 * The file is written beside its destination and moved into place only when complete, so a
 * failed export (a full disk) leaves any earlier file as it was. It is private (0600).
 */
gboolean
cd_export_to_file (CdDatabase  *db,
                   const char  *path,
                   GError     **error)
{
  return export_to_file (db, path, write_document, error);
}

/**
 * cd_export_blacklist_to_stream:
 * @exported_at: the instant to write as `exported_at`
 *
 * Writes the blacklist alone as an exchange-format document: `"cases": []`, the blacklist,
 * no shop and no templates. cd_import_file() and cd_import_blacklist_file() read it.
 */
gboolean
cd_export_blacklist_to_stream (CdDatabase     *db,
                               GOutputStream  *stream,
                               gint64          exported_at,
                               GCancellable   *cancellable,
                               GError        **error)
{
  return export_to_stream (db, stream, exported_at, write_blacklist_document, cancellable,
                           error);
}

/**
 * cd_export_blacklist_to_file:
 * @path: the file to write, or "-" for standard output
 *
 * Like cd_export_to_file() (atomic, 0600), for the blacklist alone.
 */
gboolean
cd_export_blacklist_to_file (CdDatabase  *db,
                             const char  *path,
                             GError     **error)
{
  return export_to_file (db, path, write_blacklist_document, error);
}
