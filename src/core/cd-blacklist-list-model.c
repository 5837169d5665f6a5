/* cd-blacklist-list-model.c — a lazy GListModel of CdBlacklistEntry over SQLite
 *
 * Like CdCaseListModel, the model keeps only the ordered ids of the entries it shows and
 * materialises entries a page at a time, when the view asks for them. Which ids, in which
 * order, is cd-blacklist-list-model-query.c's business.
 *
 * When the repository says one entry was added, changed or removed, the model does not read
 * the list again: it removes the entry's id where it was and finds where it belongs now by a
 * binary search over the ids (reading the keys of about log2(n) entries), then announces
 * exactly those rows. Anything else (reset, refresh, a new search) reads the ids again and
 * announces the range between the common prefix and suffix of the old and new lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-blacklist-list-model"

#include "config.h"

#include "cd-blacklist-list-model-private.h"

#define PAGE_SIZE 100
#define MAX_CACHED_ENTRIES (32 * PAGE_SIZE)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_SHOW_INACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CdBlacklistListModel, cd_blacklist_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Helpers */

static CdBlacklistEntry *
load_entry (CdBlacklistListModel *self,
            gint64                id)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *entry = cd_blacklist_repository_load (self->repository, id, &error);

  if (entry == NULL)
    {
      /* Deleted by another process since the ids were read: an empty row until the next
       * refresh, rather than a hole in the list. */
      g_debug ("Cannot read blacklist entry %" G_GINT64_FORMAT ": %s", id, error->message);
      entry = cd_blacklist_entry_new ();
      entry->id = id;
    }
  return entry;
}

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  return CD_TYPE_BLACKLIST_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return CD_BLACKLIST_LIST_MODEL (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CdBlacklistListModel *self = CD_BLACKLIST_LIST_MODEL (model);
  gint64 id;
  CdBlacklistEntry *entry;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  entry = g_hash_table_lookup (self->cache, &id);
  if (entry == NULL)
    {
      guint first = position / PAGE_SIZE * PAGE_SIZE;
      guint last = MIN (first + PAGE_SIZE, self->ids->len);

      /* The view asks for rows near each other: read the whole page, keep a few pages. */
      if (g_hash_table_size (self->cache) + PAGE_SIZE > MAX_CACHED_ENTRIES)
        g_hash_table_remove_all (self->cache);
      for (guint i = first; i < last; i++)
        {
          gint64 page_id = g_array_index (self->ids, gint64, i);

          if (!g_hash_table_contains (self->cache, &page_id))
            g_hash_table_insert (self->cache, g_memdup2 (&page_id, sizeof page_id),
                                 load_entry (self, page_id));
        }
      entry = g_hash_table_lookup (self->cache, &id);
    }
  return g_object_ref (entry);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Keeping in step with the repository */

/* Replaces the ids with @ids and announces the range between the common prefix and suffix;
 * with @everything, every row (their contents may have changed too). */
static void
replace_ids (CdBlacklistListModel *self,
             GArray               *ids,
             gboolean              everything)
{
  g_autoptr(GArray) old = self->ids;
  guint old_n = old->len, new_n = ids->len;
  guint prefix = 0, suffix = 0;

  self->ids = g_array_ref (ids);
  if (everything)
    {
      g_hash_table_remove_all (self->cache);
      if (old_n > 0 || new_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      return;
    }

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old, gint64, old_n - 1 - suffix) ==
         g_array_index (ids, gint64, new_n - 1 - suffix))
    suffix++;

  if (prefix == old_n && prefix == new_n)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                              new_n - prefix - suffix);
}

static gboolean
reload (CdBlacklistListModel  *self,
        gboolean               everything,
        GError               **error)
{
  g_autoptr(GArray) ids = _cd_blacklist_list_model_read_ids (self, error);

  if (ids == NULL)
    return FALSE;
  replace_ids (self, ids, everything);
  return TRUE;
}

static void
reload_or_warn (CdBlacklistListModel *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->inactive, g_hash_table_unref);
  if (!reload (self, TRUE, &error))
    g_warning ("Cannot read the blacklist: %s", error->message);
}

static void
forget_entry (CdBlacklistListModel *self,
              gint64                id)
{
  g_hash_table_remove (self->cache, &id);
}

/* Removes @id from the list, announcing it. Returns: where it was, or -1 */
static int
remove_id (CdBlacklistListModel *self,
           gint64                id)
{
  int position = cd_blacklist_list_model_find (self, id);

  if (position < 0)
    return -1;
  g_array_remove_index (self->ids, (guint) position);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 1, 0);
  return position;
}

/* Finds where @row belongs among the ids (which do not hold it) by a binary search.
 * Returns: FALSE when a listed entry is gone or no longer belongs, meaning the ids are stale */
static gboolean
find_place (CdBlacklistListModel     *self,
            const CdBlacklistRowKeys *row,
            int                       group,
            guint                    *position)
{
  guint lo = 0, hi = self->ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 other_id = g_array_index (self->ids, gint64, mid);
      CdBlacklistRowKeys other = { 0 };
      int other_group, cmp;

      if (!_cd_blacklist_list_model_read_row_keys (self, other_id, &other, NULL))
        return FALSE;
      other_group = _cd_blacklist_list_model_row_group (self, &other);
      cmp = other_group < 0 ? 0
                            : _cd_blacklist_list_model_compare_rows (self, row, group,
                                                                     &other, other_group);
      _cd_blacklist_list_model_row_keys_clear (&other);
      if (other_group < 0)
        return FALSE;
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  *position = lo;
  return TRUE;
}

/* Takes the entry's id out of the list, if it is there, and puts it where it belongs now, if
 * anywhere, announcing each step. */
static void
place_entry (CdBlacklistListModel *self,
             gint64                id,
             gboolean              removed)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistRowKeys row = { 0 };
  int old_position, group;
  guint position = 0;

  forget_entry (self, id);
  if (removed)
    {
      if (self->inactive != NULL)
        g_hash_table_remove (self->inactive, &id);
      remove_id (self, id);
      return;
    }

  if (!_cd_blacklist_list_model_read_row_keys (self, id, &row, &error))
    {
      g_debug ("Re-reading the blacklist: %s", error->message);
      reload_or_warn (self);
      return;
    }
  if (self->inactive != NULL && row.active)
    g_hash_table_remove (self->inactive, &id);
  else if (self->inactive != NULL)
    g_hash_table_add (self->inactive, g_memdup2 (&id, sizeof id));

  group = _cd_blacklist_list_model_row_group (self, &row);
  old_position = cd_blacklist_list_model_find (self, id);
  if (old_position >= 0)
    g_array_remove_index (self->ids, (guint) old_position);

  if (group >= 0 && !find_place (self, &row, group, &position))
    {
      /* Another process wrote: the ids are stale. */
      if (old_position >= 0)
        g_array_insert_val (self->ids, (guint) old_position, id);
      _cd_blacklist_list_model_row_keys_clear (&row);
      reload_or_warn (self);
      return;
    }
  _cd_blacklist_list_model_row_keys_clear (&row);

  if (old_position >= 0 && group >= 0 && position == (guint) old_position)
    {
      g_array_insert_val (self->ids, position, id);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }
  /* A move is a removal and an insertion, each announced while the ids match it. */
  if (old_position >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), (guint) old_position, 1, 0);
  if (group >= 0)
    {
      g_array_insert_val (self->ids, position, id);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
}

static void
on_entry_added_cb (CdBlacklistRepository *repository,
                   gint64                 id,
                   CdBlacklistListModel  *self)
{
  place_entry (self, id, FALSE);
}

static void
on_entry_changed_cb (CdBlacklistRepository *repository,
                     gint64                 id,
                     CdBlacklistListModel  *self)
{
  place_entry (self, id, FALSE);
}

static void
on_entry_removed_cb (CdBlacklistRepository *repository,
                     gint64                 id,
                     CdBlacklistListModel  *self)
{
  place_entry (self, id, TRUE);
}

static void
on_reset_cb (CdBlacklistRepository *repository,
             CdBlacklistListModel  *self)
{
  reload_or_warn (self);
}

/* GObject overrides */

static void
cd_blacklist_list_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CdBlacklistListModel *self = CD_BLACKLIST_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_SHOW_INACTIVE:
      g_value_set_boolean (value, self->show_inactive);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_blacklist_list_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CdBlacklistListModel *self = CD_BLACKLIST_LIST_MODEL (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_SEARCH:
      if (!cd_blacklist_list_model_set_search (self, g_value_get_string (value), &error))
        g_warning ("Cannot search the blacklist: %s", error->message);
      break;
    case PROP_SHOW_INACTIVE:
      if (!cd_blacklist_list_model_set_show_inactive (self, g_value_get_boolean (value), &error))
        g_warning ("Cannot read the blacklist: %s", error->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_blacklist_list_model_finalize (GObject *object)
{
  CdBlacklistListModel *self = (CdBlacklistListModel *) object;

  g_clear_object (&self->repository);
  g_clear_pointer (&self->search, g_free);
  _cd_blacklist_list_model_clear_prefixes (self->prefixes);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->inactive, g_hash_table_unref);
  G_OBJECT_CLASS (cd_blacklist_list_model_parent_class)->finalize (object);
}

static void
cd_blacklist_list_model_class_init (CdBlacklistListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cd_blacklist_list_model_get_property;
  object_class->set_property = cd_blacklist_list_model_set_property;
  object_class->finalize = cd_blacklist_list_model_finalize;

  /**
   * CdBlacklistListModel:search:
   *
   * What the user typed: a prefix of a buyer ID, a nickname or a phone number; "" for all.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CdBlacklistListModel:show-inactive:
   *
   * Whether deactivated entries are listed too.
   */
  properties[PROP_SHOW_INACTIVE] =
    g_param_spec_boolean ("show-inactive", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_blacklist_list_model_init (CdBlacklistListModel *self)
{
  self->search = g_strdup ("");
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* Public API */

/**
 * cd_blacklist_list_model_new:
 *
 * Returns: (transfer full) (nullable): a model of every active entry of @repository, newest
 *   first, kept up to date with its signals; %NULL with @error set if the list cannot be read
 */
CdBlacklistListModel *
cd_blacklist_list_model_new (CdBlacklistRepository  *repository,
                             GError                **error)
{
  g_autoptr(CdBlacklistListModel) self = g_object_new (CD_TYPE_BLACKLIST_LIST_MODEL, NULL);
  GArray *ids;

  g_return_val_if_fail (CD_IS_BLACKLIST_REPOSITORY (repository), NULL);

  self->repository = g_object_ref (repository);
  ids = _cd_blacklist_list_model_read_ids (self, error);
  if (ids == NULL)
    return NULL;
  g_array_unref (self->ids);
  self->ids = ids;

  g_signal_connect_object (repository, "entry-added", G_CALLBACK (on_entry_added_cb), self, 0);
  g_signal_connect_object (repository, "entry-changed", G_CALLBACK (on_entry_changed_cb), self,
                           0);
  g_signal_connect_object (repository, "entry-removed", G_CALLBACK (on_entry_removed_cb), self,
                           0);
  g_signal_connect_object (repository, "reset", G_CALLBACK (on_reset_cb), self, 0);
  return g_steal_pointer (&self);
}

/**
 * cd_blacklist_list_model_get_repository:
 *
 * Returns: (transfer none): the repository
 */
CdBlacklistRepository *
cd_blacklist_list_model_get_repository (CdBlacklistListModel *self)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), NULL);
  return self->repository;
}

/**
 * cd_blacklist_list_model_get_search:
 *
 * Returns: (transfer none): the search, "" for none
 */
const char *
cd_blacklist_list_model_get_search (CdBlacklistListModel *self)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), NULL);
  return self->search;
}

/**
 * cd_blacklist_list_model_set_search:
 * @search: (nullable): a prefix of a buyer ID, a nickname or a phone number; "" or %NULL for
 *   every entry
 *
 * Lists the entries matching @search instead, announcing only the rows that differ. On
 * failure the model keeps its previous search and rows.
 */
gboolean
cd_blacklist_list_model_set_search (CdBlacklistListModel  *self,
                                    const char            *search,
                                    GError               **error)
{
  char *old_prefixes[N_GROUPS];

  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), FALSE);

  if (search == NULL)
    search = "";
  if (g_str_equal (search, self->search))
    return TRUE;

  memcpy (old_prefixes, self->prefixes, sizeof old_prefixes);
  _cd_blacklist_list_model_compute_prefixes (search, self->prefixes);
  if (!reload (self, FALSE, error))
    {
      _cd_blacklist_list_model_clear_prefixes (self->prefixes);
      memcpy (self->prefixes, old_prefixes, sizeof old_prefixes);
      return FALSE;
    }
  _cd_blacklist_list_model_clear_prefixes (old_prefixes);
  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  return TRUE;
}

/* Returns: whether the search narrows the list (a blank search does not) */
gboolean
cd_blacklist_list_model_is_searching (CdBlacklistListModel *self)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), FALSE);
  return _cd_blacklist_list_model_is_searching (self);
}

gboolean
cd_blacklist_list_model_get_show_inactive (CdBlacklistListModel *self)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), FALSE);
  return self->show_inactive;
}

/**
 * cd_blacklist_list_model_set_show_inactive:
 *
 * Lists the deactivated entries too, or hides them, announcing only the rows that differ.
 */
gboolean
cd_blacklist_list_model_set_show_inactive (CdBlacklistListModel  *self,
                                           gboolean               show_inactive,
                                           GError               **error)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), FALSE);

  show_inactive = !!show_inactive;
  if (show_inactive == self->show_inactive)
    return TRUE;
  self->show_inactive = show_inactive;
  if (!reload (self, FALSE, error))
    {
      self->show_inactive = !show_inactive;
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_INACTIVE]);
  return TRUE;
}

/**
 * cd_blacklist_list_model_refresh:
 *
 * Reads the list again (another process wrote); every row is announced, as any may differ.
 */
gboolean
cd_blacklist_list_model_refresh (CdBlacklistListModel  *self,
                                 GError               **error)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), FALSE);

  g_clear_pointer (&self->inactive, g_hash_table_unref);
  return reload (self, TRUE, error);
}

/* Returns: the position of @entry_id, or -1 */
int
cd_blacklist_list_model_find (CdBlacklistListModel *self,
                              gint64                entry_id)
{
  g_return_val_if_fail (CD_IS_BLACKLIST_LIST_MODEL (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == entry_id)
      return (int) i;
  return -1;
}
