/* cd-template-repository.c — message templates in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-template-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cd-error.h"
#include "cd-template-repository.h"
#include "cd-text.h"

struct _CdTemplateRepository
{
  GObject     parent_instance;

  /* Owned */
  CdDatabase *db;
};

G_DEFINE_FINAL_TYPE (CdTemplateRepository, cd_template_repository, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define TEMPLATE_COLUMNS "id, uid, name, stage, language, body"

static void
cd_template_repository_dispose (GObject *object)
{
  CdTemplateRepository *self = (CdTemplateRepository *) object;

  g_clear_object (&self->db);
  G_OBJECT_CLASS (cd_template_repository_parent_class)->dispose (object);
}

static void
cd_template_repository_class_init (CdTemplateRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_template_repository_dispose;

  /**
   * CdTemplateRepository::changed:
   *
   * A template was added, changed or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cd_template_repository_init (CdTemplateRepository *self)
{
}

/**
 * cd_template_repository_new:
 *
 * Returns: (transfer full): a repository over @db
 */
CdTemplateRepository *
cd_template_repository_new (CdDatabase *db)
{
  CdTemplateRepository *self = g_object_new (CD_TYPE_TEMPLATE_REPOSITORY, NULL);

  self->db = g_object_ref (db);
  return self;
}

static gboolean
check_template (CdMessageTemplate  *tmpl,
                GError            **error)
{
  if (cd_text_is_blank (tmpl->name))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_INVALID, _("A template needs a name"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_template (sqlite3_stmt      *stmt,
               CdMessageTemplate *tmpl)
{
  cd_database_bind_text (stmt, ":uid", tmpl->uid);
  cd_database_bind_text (stmt, ":name", tmpl->name);
  cd_database_bind_text (stmt, ":stage", tmpl->stage);
  cd_database_bind_text (stmt, ":language", tmpl->language);
  cd_database_bind_text (stmt, ":body", tmpl->body);
}

static gboolean
insert_row (CdTemplateRepository  *self,
            CdMessageTemplate     *tmpl,
            GError               **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "INSERT INTO templates (uid, name, stage, language, body) "
    "VALUES (:uid, :name, :stage, :language, :body)", error);

  if (stmt == NULL)
    return FALSE;
  bind_template (stmt, tmpl);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  tmpl->id = sqlite3_last_insert_rowid (cd_database_get_handle (self->db));
  return TRUE;
}

static gboolean
update_row (CdTemplateRepository  *self,
            CdMessageTemplate     *tmpl,
            GError               **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "UPDATE templates SET uid = :uid, name = :name, stage = :stage, language = :language, "
    "body = :body WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  bind_template (stmt, tmpl);
  cd_database_bind_int64 (stmt, ":id", tmpl->id);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The template no longer exists"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cd_template_repository_insert:
 * @tmpl: a new template; its id and uid (when empty) are filled in
 */
gboolean
cd_template_repository_insert (CdTemplateRepository  *self,
                               CdMessageTemplate     *tmpl,
                               GError               **error)
{
  g_return_val_if_fail (CD_IS_TEMPLATE_REPOSITORY (self), FALSE);

  if (!check_template (tmpl, error))
    return FALSE;
  if (tmpl->uid[0] == '\0')
    {
      g_free (tmpl->uid);
      tmpl->uid = g_uuid_string_random ();
    }
  if (!insert_row (self, tmpl, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
cd_template_repository_update (CdTemplateRepository  *self,
                               CdMessageTemplate     *tmpl,
                               GError               **error)
{
  g_return_val_if_fail (CD_IS_TEMPLATE_REPOSITORY (self), FALSE);

  if (!check_template (tmpl, error) || !update_row (self, tmpl, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
cd_template_repository_delete (CdTemplateRepository  *self,
                               gint64                 id,
                               GError               **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db, "DELETE FROM templates WHERE id = :id",
                                            error);

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_int64 (stmt, ":id", id);
  if (!cd_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (cd_database_get_handle (self->db)) == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The template no longer exists"));
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static GPtrArray *
collect (CdTemplateRepository  *self,
         sqlite3_stmt          *stmt,
         GError               **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  CdStep step;

  while ((step = cd_database_step (self->db, stmt, error)) == CD_STEP_ROW)
    {
      CdMessageTemplate *tmpl = cd_message_template_new (cd_database_column_text (stmt, 1),
                                                         cd_database_column_text (stmt, 2),
                                                         cd_database_column_text (stmt, 3),
                                                         cd_database_column_text (stmt, 4),
                                                         cd_database_column_text (stmt, 5));
      tmpl->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (list, tmpl);
    }
  if (step == CD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * cd_template_repository_load:
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
CdMessageTemplate *
cd_template_repository_load (CdTemplateRepository  *self,
                             gint64                 id,
                             GError               **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " TEMPLATE_COLUMNS " FROM templates WHERE id = :id", error);
  g_autoptr(GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  cd_database_bind_int64 (stmt, ":id", id);
  found = collect (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_NOT_FOUND, _("The template no longer exists"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * cd_template_repository_list:
 *
 * Returns: (transfer full) (element-type CdMessageTemplate): every template, in the order
 *   they were added
 */
GPtrArray *
cd_template_repository_list (CdTemplateRepository  *self,
                             GError               **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " TEMPLATE_COLUMNS " FROM templates ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  return collect (self, stmt, error);
}

/**
 * cd_template_repository_store_imported:
 *
 * Adds @tmpl or writes it over the stored template of the same uid. Runs inside the
 * caller's transaction and emits nothing.
 */
gboolean
cd_template_repository_store_imported (CdTemplateRepository  *self,
                                       CdMessageTemplate     *tmpl,
                                       CdStoreResult         *result,
                                       GError               **error)
{
  sqlite3_stmt *stmt = cd_database_prepare (self->db,
    "SELECT " TEMPLATE_COLUMNS " FROM templates WHERE uid = :uid", error);
  g_autoptr(GPtrArray) found = NULL;
  CdMessageTemplate *stored;

  if (stmt == NULL)
    return FALSE;
  cd_database_bind_text (stmt, ":uid", tmpl->uid);
  found = collect (self, stmt, error);
  if (found == NULL)
    return FALSE;

  if (found->len == 0)
    {
      *result = CD_STORE_ADDED;
      return insert_row (self, tmpl, error);
    }

  stored = g_ptr_array_index (found, 0);
  tmpl->id = stored->id;
  if (g_str_equal (stored->name, tmpl->name) && g_str_equal (stored->stage, tmpl->stage) &&
      g_str_equal (stored->language, tmpl->language) && g_str_equal (stored->body, tmpl->body))
    {
      *result = CD_STORE_UNCHANGED;
      return TRUE;
    }
  *result = CD_STORE_UPDATED;
  return update_row (self, tmpl, error);
}
