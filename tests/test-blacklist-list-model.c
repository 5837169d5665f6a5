/* test-blacklist-list-model.c — the lazy blacklist: order, prefix search, inactive entries
 * and minimal changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-blacklist-list-model.h"
#include "cd-error.h"
#include "cd-test-util.h"
#include "cd-time.h"

#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)
#define T0 ((gint64) 1700000000 * G_USEC_PER_SEC)

typedef struct
{
  guint position, removed, added;
} Change;

typedef struct
{
  char                  *dir;
  CdDatabase            *db;
  CdBlacklistRepository *repo;
  CdBlacklistListModel  *model;
  GArray                *changes;  /* of Change, every items-changed */
  GArray                *mirror;   /* gint64: the ids, as a view following the changes sees them */
  guint                  n_search_notifies;
  guint                  n_inactive_notifies;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CdBlacklistEntry) entry = g_list_model_get_item (model, position + i);

      g_assert_nonnull (entry);
      g_array_insert_val (f->mirror, position + i, entry->id);
    }
  g_assert_cmpuint (f->mirror->len, ==, g_list_model_get_n_items (model));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Fixture    *f)
{
  if (g_str_equal (pspec->name, "search"))
    f->n_search_notifies++;
  else
    f->n_inactive_notifies++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cd_test_make_dir ();
  f->db = cd_test_open_database (f->dir);
  f->repo = cd_blacklist_repository_new (f->db);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  f->mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->model != NULL)
    g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->repo);
  g_assert_finalize_object (f->db);
  g_array_unref (f->changes);
  g_array_unref (f->mirror);
  cd_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Creates the model and starts following it. */
static void
open_model (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->model = cd_blacklist_list_model_new (f->repo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->model);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->model)); i++)
    {
      g_autoptr(CdBlacklistEntry) entry = g_list_model_get_item (G_LIST_MODEL (f->model), i);
      g_array_append_val (f->mirror, entry->id);
    }
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_signal_connect (f->model, "notify", G_CALLBACK (on_notify_cb), f);
}

static CdBlacklistEntry *
add_entry (Fixture    *f,
           const char *buyer_id,
           const char *nickname,
           const char *phone,
           gint64      added_at,
           gboolean    active)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *entry = cd_blacklist_entry_new ();

  g_free (entry->buyer_id);
  entry->buyer_id = g_strdup (buyer_id);
  g_free (entry->nickname);
  entry->nickname = g_strdup (nickname);
  g_free (entry->phone);
  entry->phone = g_strdup (phone);
  entry->added_at = added_at;
  entry->active = active;
  g_assert_true (cd_blacklist_repository_insert (f->repo, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static void
add (Fixture    *f,
     const char *buyer_id,
     const char *nickname,
     const char *phone,
     gint64      added_at)
{
  g_object_unref (add_entry (f, buyer_id, nickname, phone, added_at, TRUE));
}

static void
assert_change (Fixture *f,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (index, <, f->changes->len);
  change = &g_array_index (f->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static guint
n_items (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->model));
}

static gint64
id_at (Fixture *f,
       guint    position)
{
  g_autoptr(CdBlacklistEntry) entry = g_list_model_get_item (G_LIST_MODEL (f->model), position);

  g_assert_nonnull (entry);
  return entry->id;
}

/* The model's rows as "buyer_id|nickname" joined by commas. */
static char *
listed (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n_items (f); i++)
    {
      g_autoptr(CdBlacklistEntry) entry = g_list_model_get_item (G_LIST_MODEL (f->model), i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, entry->buyer_id[0] != '\0' ? entry->buyer_id : entry->nickname);
    }
  return g_strdup (out->str);
}

#define assert_listed(f, expected) \
  G_STMT_START { \
    g_autofree char *_text = listed (f); \
    g_assert_cmpstr (_text, ==, expected); \
  } G_STMT_END

static void
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_blacklist_list_model_set_search (f->model, text, &error));
  g_assert_no_error (error);
}

static void
show_inactive (Fixture  *f,
               gboolean  show)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_blacklist_list_model_set_show_inactive (f->model, show, &error));
  g_assert_no_error (error);
}

/* The followed rows, the model's rows and a fresh model's rows are the same. */
static void
assert_consistent (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdBlacklistListModel) fresh = cd_blacklist_list_model_new (f->repo, &error);

  g_assert_no_error (error);
  g_assert_true (cd_blacklist_list_model_set_search (fresh,
                   cd_blacklist_list_model_get_search (f->model), NULL));
  g_assert_true (cd_blacklist_list_model_set_show_inactive (fresh,
                   cd_blacklist_list_model_get_show_inactive (f->model), NULL));
  g_assert_cmpuint (f->mirror->len, ==, n_items (f));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, n_items (f));
  for (guint i = 0; i < n_items (f); i++)
    {
      g_autoptr(CdBlacklistEntry) entry = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpint (g_array_index (f->mirror, gint64, i), ==, entry->id);
      g_assert_cmpint (id_at (f, i), ==, entry->id);
    }
}

/* Newest first, the id breaking ties; get_item is NULL past the end; rows across pages. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) tie_a = NULL;
  g_autoptr(CdBlacklistEntry) tie_b = NULL;

  for (int i = 0; i < 250; i++)
    {
      g_autofree char *buyer = g_strdup_printf ("buyer-%03d", i);
      add (f, buyer, "", "", T0 + i * HOUR);
    }
  tie_a = add_entry (f, "tie-a", "", "", T0 + 100 * HOUR, TRUE);
  tie_b = add_entry (f, "tie-b", "", "", T0 + 100 * HOUR, TRUE);
  open_model (f);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->model)) == CD_TYPE_BLACKLIST_ENTRY);
  g_assert_cmpuint (n_items (f), ==, 252);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), 252));
  {
    g_autoptr(CdBlacklistEntry) first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
    g_autoptr(CdBlacklistEntry) last = g_list_model_get_item (G_LIST_MODEL (f->model), 251);
    g_autoptr(CdBlacklistEntry) again = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

    g_assert_cmpstr (first->buyer_id, ==, "buyer-249");
    g_assert_cmpstr (last->buyer_id, ==, "buyer-000");
    g_assert_true (first == again);  /* materialised once, kept while its page is */
  }
  /* Same added_at: the larger id first, before the older buyer-100. */
  g_assert_cmpint (id_at (f, 149), ==, tie_b->id);
  g_assert_cmpint (id_at (f, 150), ==, tie_a->id);
  {
    g_autoptr(CdBlacklistEntry) entry = g_list_model_get_item (G_LIST_MODEL (f->model), 151);
    g_assert_cmpstr (entry->buyer_id, ==, "buyer-100");
  }
  g_assert_cmpint (cd_blacklist_list_model_find (f->model, tie_a->id), ==, 150);
  g_assert_cmpint (cd_blacklist_list_model_find (f->model, 999999), ==, -1);
  g_assert_cmpuint (f->changes->len, ==, 0);
}

/* A nickname stored full-width is found typed half-width, in any case; and the other way. */
static void
test_search_nickname (Fixture       *f,
                      gconstpointer  data)
{
  add (f, "", "ＬｕｃｋｙＳｔａｒ", "", T0);
  add (f, "", "LuckyDuck", "", T0 + HOUR);
  add (f, "", "Unlucky", "", T0 + 2 * HOUR);
  add (f, "", "张三丰", "", T0 + 3 * HOUR);
  add (f, "", "'; DROP TABLE blacklist; --", "", T0 + 4 * HOUR);
  add (f, "", "=1+1 \"quoted\"\nnew line 🎉", "", T0 + 5 * HOUR);
  open_model (f);
  g_assert_cmpuint (n_items (f), ==, 6);
  g_assert_false (cd_blacklist_list_model_is_searching (f->model));

  search (f, "luck");
  g_assert_true (cd_blacklist_list_model_is_searching (f->model));
  g_assert_cmpstr (cd_blacklist_list_model_get_search (f->model), ==, "luck");
  /* In key order: luckyduck before luckystar; unlucky does not start with luck. */
  assert_listed (f, "LuckyDuck,ＬｕｃｋｙＳｔａｒ");
  assert_consistent (f);
  g_assert_cmpuint (f->n_search_notifies, ==, 1);

  search (f, "  LUCKYS ");
  assert_listed (f, "ＬｕｃｋｙＳｔａｒ");
  search (f, "ｌｕｃｋｙｄ");
  assert_listed (f, "LuckyDuck");
  search (f, "张三");
  assert_listed (f, "张三丰");
  search (f, "'; DROP");
  assert_listed (f, "'; DROP TABLE blacklist; --");
  search (f, "=1+1 \"q");
  g_assert_cmpuint (n_items (f), ==, 1);
  search (f, "lucks");
  g_assert_cmpuint (n_items (f), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), 0));
  assert_consistent (f);

  /* A blank search lists everything, as no search does. */
  search (f, "   ");
  g_assert_false (cd_blacklist_list_model_is_searching (f->model));
  g_assert_cmpuint (n_items (f), ==, 6);
  search (f, NULL);
  g_assert_cmpstr (cd_blacklist_list_model_get_search (f->model), ==, "");
  g_assert_cmpuint (n_items (f), ==, 6);
  /* Setting the same search again announces nothing. */
  g_assert_cmpuint (f->n_search_notifies, ==, 9);
  search (f, "");
  g_assert_cmpuint (f->n_search_notifies, ==, 9);
  assert_consistent (f);
}

/* Phone numbers by their digits, in any format, with or without +86; three digits at least,
 * and only for text that looks like a phone number. */
static void
test_search_phone (Fixture       *f,
                   gconstpointer  data)
{
  add (f, "p1", "", "+86 139-0000-1234", T0);
  add (f, "p2", "", "(138) 0000 5678", T0 + HOUR);
  add (f, "p3", "", "008613900009999", T0 + 2 * HOUR);
  add (f, "", "Buyer139", "", T0 + 3 * HOUR);
  add (f, "", "139 fan club", "", T0 + 4 * HOUR);
  open_model (f);

  /* The nickname group comes before the phone group; each in key order. */
  search (f, "139");
  assert_listed (f, "139 fan club,p1,p3");
  assert_consistent (f);
  search (f, "+86 139 0000 1");
  assert_listed (f, "p1");
  search (f, "0086139");
  assert_listed (f, "p1,p3");
  search (f, "１３８");
  assert_listed (f, "p2");
  search (f, "(138) 0000");
  assert_listed (f, "p2");
  search (f, "139-0000-9999");
  assert_listed (f, "p3");
  /* Two digits are not enough to look up a phone. */
  search (f, "13");
  assert_listed (f, "139 fan club");
  /* A nickname with digits is no phone number. */
  search (f, "buyer139");
  assert_listed (f, "Buyer139");
  search (f, "139 f");
  assert_listed (f, "139 fan club");
  assert_consistent (f);
}

/* Buyer IDs by prefix as typed; an entry matching by two keys is listed once, in the first
 * group (buyer ID, nickname, phone); an exact match comes first in its group. */
static void
test_search_buyer_id (Fixture       *f,
                      gconstpointer  data)
{
  add (f, "dy_881", "", "", T0);
  add (f, "dy_880001", "", "", T0 + HOUR);
  add (f, "dy_88", "", "", T0 + 2 * HOUR);
  add (f, "xdy_88", "", "", T0 + 3 * HOUR);
  add (f, "dy_88z", "dy_88z", "", T0 + 4 * HOUR);
  add (f, "", "DY_88nick", "", T0 + 5 * HOUR);
  add (f, "dy_7", "", "", T0 + 6 * HOUR);
  open_model (f);

  search (f, "dy_88");
  assert_listed (f, "dy_88,dy_880001,dy_881,dy_88z,DY_88nick");
  assert_consistent (f);
  search (f, "dy_880005");
  g_assert_cmpuint (n_items (f), ==, 0);
  search (f, " dy_88000 ");
  assert_listed (f, "dy_880001");
  assert_consistent (f);
}

/* Deactivated entries are hidden unless asked for, with or without a search. */
static void
test_inactive (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CdBlacklistEntry) b = NULL;

  add (f, "a", "", "", T0);
  b = add_entry (f, "b", "", "", T0 + HOUR, FALSE);
  add (f, "c", "", "", T0 + 2 * HOUR);
  open_model (f);

  g_assert_false (cd_blacklist_list_model_get_show_inactive (f->model));
  assert_listed (f, "c,a");
  show_inactive (f, TRUE);
  assert_listed (f, "c,b,a");
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 0, 1);
  g_assert_cmpuint (f->n_inactive_notifies, ==, 1);
  show_inactive (f, TRUE);
  g_assert_cmpuint (f->n_inactive_notifies, ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 1);

  search (f, "b");
  assert_listed (f, "b");
  show_inactive (f, FALSE);
  g_assert_cmpuint (n_items (f), ==, 0);
  g_assert_cmpuint (f->n_inactive_notifies, ==, 2);
  g_object_set (f->model, "show-inactive", TRUE, NULL);
  assert_listed (f, "b");
  assert_consistent (f);
}

/* Past a couple of thousand matches, the active flags come from the set of inactive ids,
 * which follows the repository's changes. */
static void
test_inactive_many (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 victim;
  int position;

  g_assert_true (cd_database_begin (f->db, &error));
  for (int i = 0; i < 2100; i++)
    {
      g_autofree char *nick = g_strdup_printf ("bulk%04d", i);
      g_autoptr(CdBlacklistEntry) entry = add_entry (f, "", nick, "", T0 + i, i % 7 != 0);

      g_array_append_val (ids, entry->id);
    }
  g_assert_true (cd_database_commit (f->db, &error));
  open_model (f);

  search (f, "bulk");
  g_assert_cmpuint (n_items (f), ==, 1800);
  assert_consistent (f);

  /* bulk0001 is the first active one. */
  victim = g_array_index (ids, gint64, 1);
  g_assert_cmpint (cd_blacklist_list_model_find (f->model, victim), ==, 0);
  g_array_set_size (f->changes, 0);
  g_assert_true (cd_blacklist_repository_set_active (f->repo, victim, FALSE, &error));
  g_assert_no_error (error);
  assert_change (f, 0, 0, 1, 0);
  g_assert_cmpuint (n_items (f), ==, 1799);

  /* bulk0007 was inactive: reactivated, it comes in at its place. */
  victim = g_array_index (ids, gint64, 7);
  g_assert_true (cd_blacklist_repository_set_active (f->repo, victim, TRUE, &error));
  position = cd_blacklist_list_model_find (f->model, victim);
  g_assert_cmpint (position, ==, 5);  /* after 0002 … 0006 */
  assert_change (f, 1, 5, 0, 1);
  g_assert_cmpuint (f->changes->len, ==, 2);

  /* Searching again uses the set as it now is. */
  search (f, "bulk000");
  assert_listed (f, "bulk0002,bulk0003,bulk0004,bulk0005,bulk0006,bulk0007,bulk0008,bulk0009");
  search (f, "bulk");
  g_assert_cmpuint (n_items (f), ==, 1800);
  assert_consistent (f);
}

static void
update (Fixture          *f,
        CdBlacklistEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cd_blacklist_repository_update (f->repo, entry, &error));
  g_assert_no_error (error);
}

/* Without a search: adding, deactivating, moving, editing, deleting and restoring one entry
 * announce exactly its row. */
static void
test_minimal_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CdBlacklistEntry *e[5];
  g_autoptr(CdBlacklistEntry) added = NULL;
  g_autoptr(CdBlacklistEntry) deleted = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *buyer = g_strdup_printf ("e%d", i);
      e[i] = add_entry (f, buyer, "", "", T0 + i * HOUR, TRUE);
    }
  open_model (f);
  assert_listed (f, "e4,e3,e2,e1,e0");

  added = add_entry (f, "new", "", "", T0 + 2 * HOUR + HOUR / 2, TRUE);
  assert_listed (f, "e4,e3,new,e2,e1,e0");
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 2, 0, 1);

  g_assert_true (cd_blacklist_repository_set_active (f->repo, e[3]->id, FALSE, &error));
  assert_change (f, 1, 1, 1, 0);
  g_assert_true (cd_blacklist_repository_set_active (f->repo, e[3]->id, TRUE, &error));
  assert_change (f, 2, 1, 0, 1);
  assert_listed (f, "e4,e3,new,e2,e1,e0");

  /* A move: out at the old place, in at the new. */
  e[0]->added_at = T0 + 10 * HOUR;
  update (f, e[0]);
  assert_listed (f, "e0,e4,e3,new,e2,e1");
  assert_change (f, 3, 5, 1, 0);
  assert_change (f, 4, 0, 0, 1);

  /* Changed in place: its row alone, and it shows the new text. */
  g_free (e[2]->nickname);
  e[2]->nickname = g_strdup ("Renamed");
  {
    g_autoptr(CdBlacklistEntry) before = g_list_model_get_item (G_LIST_MODEL (f->model), 4);
    g_assert_cmpstr (before->nickname, ==, "");
  }
  update (f, e[2]);
  assert_change (f, 5, 4, 1, 1);
  {
    g_autoptr(CdBlacklistEntry) after = g_list_model_get_item (G_LIST_MODEL (f->model), 4);
    g_assert_cmpstr (after->nickname, ==, "Renamed");
  }

  deleted = cd_blacklist_repository_load (f->repo, e[1]->id, &error);
  g_assert_true (cd_blacklist_repository_delete (f->repo, e[1]->id, &error));
  assert_change (f, 6, 5, 1, 0);
  g_assert_true (cd_blacklist_repository_restore (f->repo, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deleted->id, ==, e[1]->id);
  assert_change (f, 7, 5, 0, 1);
  g_assert_cmpuint (f->changes->len, ==, 8);
  assert_listed (f, "e0,e4,e3,new,e2,e1");
  assert_consistent (f);

  for (int i = 0; i < 5; i++)
    g_object_unref (e[i]);
}

/* With a search: entries enter and leave it as their keys and flags change. */
static void
test_minimal_changes_search (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdBlacklistEntry) lucky = add_entry (f, "", "Lucky", "", T0, TRUE);
  g_autoptr(CdBlacklistEntry) other = add_entry (f, "", "Other", "", T0 + HOUR, TRUE);
  g_autoptr(CdBlacklistEntry) lucie = add_entry (f, "", "Lucie", "", T0 + 2 * HOUR, TRUE);

  open_model (f);
  search (f, "luc");
  assert_listed (f, "Lucie,Lucky");
  g_array_set_size (f->changes, 0);

  add (f, "", "Lucas", "", T0 + 3 * HOUR);
  assert_listed (f, "Lucas,Lucie,Lucky");
  assert_change (f, 0, 0, 0, 1);
  add (f, "", "Nobody", "", T0 + 4 * HOUR);
  g_assert_cmpuint (f->changes->len, ==, 1);

  g_free (other->nickname);
  other->nickname = g_strdup ("Ｌｕｃｉａ");
  update (f, other);
  assert_listed (f, "Lucas,Ｌｕｃｉａ,Lucie,Lucky");
  assert_change (f, 1, 1, 0, 1);

  g_free (lucie->nickname);
  lucie->nickname = g_strdup ("Zoe");
  update (f, lucie);
  assert_listed (f, "Lucas,Ｌｕｃｉａ,Lucky");
  assert_change (f, 2, 2, 1, 0);

  g_assert_true (cd_blacklist_repository_set_active (f->repo, lucky->id, FALSE, &error));
  assert_listed (f, "Lucas,Ｌｕｃｉａ");
  assert_change (f, 3, 2, 1, 0);
  g_assert_cmpuint (f->changes->len, ==, 4);
  assert_consistent (f);
}

/* Another process wrote: refresh reads it all again; the repository's reset likewise. */
static void
test_refresh_and_reset (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add (f, "a", "", "", T0);
  add (f, "b", "", "", T0 + HOUR);
  open_model (f);

  g_assert_true (cd_database_exec (f->db, "UPDATE blacklist SET active = 0 WHERE buyer_id = 'a'",
                                   &error));
  g_assert_true (cd_blacklist_list_model_refresh (f->model, &error));
  g_assert_no_error (error);
  assert_listed (f, "b");
  assert_change (f, 0, 0, 2, 1);

  g_assert_true (cd_database_exec (f->db, "UPDATE blacklist SET active = 1", &error));
  cd_blacklist_repository_emit_reset (f->repo);
  assert_listed (f, "b,a");
  assert_change (f, 1, 0, 1, 2);
  assert_consistent (f);
}

/* Undo of a delete brings the entry back with its uid and case links, under its old id when
 * that is still free and under a new one when not. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CdBlacklistEntry) entry = NULL;
  g_autoptr(CdBlacklistEntry) loaded = NULL;
  g_autoptr(CdBlacklistEntry) again = NULL;
  g_autofree char *uid = NULL;
  gint64 old_id;

  add (f, "first", "", "", T0);
  entry = add_entry (f, "last", "Nick", "13900001234", T0 + HOUR, FALSE);
  open_model (f);
  g_ptr_array_add (entry->case_uids, g_strdup ("case-uid-1"));
  update (f, entry);
  loaded = cd_blacklist_repository_load (f->repo, entry->id, &error);
  old_id = loaded->id;
  uid = g_strdup (loaded->uid);

  g_assert_true (cd_blacklist_repository_delete (f->repo, old_id, &error));
  /* SQLite hands the largest rowid out again: a new entry takes the old id. */
  g_object_unref (add_entry (f, "taker", "", "", T0, TRUE));
  g_assert_true (cd_blacklist_repository_restore (f->repo, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, !=, old_id);

  again = cd_blacklist_repository_load (f->repo, loaded->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->uid, ==, uid);
  g_assert_cmpstr (again->nickname, ==, "Nick");
  g_assert_false (again->active);
  g_assert_cmpuint (again->case_uids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (again->case_uids, 0), ==, "case-uid-1");

  /* Restoring twice is a conflict: the uid is taken. */
  loaded->id = old_id + 100;
  g_assert_false (cd_blacklist_repository_restore (f->repo, loaded, &error));
  g_assert_error (error, CD_ERROR, CD_ERROR_CONFLICT);
  g_assert_cmpint (loaded->id, ==, old_id + 100);
  assert_consistent (f);
}

/* Random changes, with and without a search, hidden and shown: the model always lists what
 * a fresh one would, and the changes it announced lead there. */
static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  static const char *const nicks[] = { "Lucky", "ｌｕｃｋ", "Lucia", "Bob", "张三", "", "luc" };
  static const char *const phones[] = { "", "13900001234", "+86 139 0000 5678", "13800001111" };
  static const char *const searches[] = { "", "luc", "139", "b", "lucky", "1380", "张" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  open_model (f);
  g_assert_true (cd_database_begin (f->db, &error));
  for (int step = 0; step < 400; step++)
    {
      int op = g_rand_int_range (rand, 0, entries->len < 5 ? 1 : 6);
      CdBlacklistEntry *entry = entries->len > 0
        ? g_ptr_array_index (entries, g_rand_int_range (rand, 0, (int) entries->len)) : NULL;

      switch (op)
        {
        case 0:
          {
            g_autofree char *buyer = g_strdup_printf ("b%02d", g_rand_int_range (rand, 0, 40));
            const char *nick = nicks[g_rand_int_range (rand, 0, G_N_ELEMENTS (nicks))];
            const char *phone = phones[g_rand_int_range (rand, 0, G_N_ELEMENTS (phones))];

            if (g_rand_boolean (rand) && (nick[0] != '\0' || phone[0] != '\0'))
              buyer[0] = '\0';
            g_ptr_array_add (entries, add_entry (f, buyer, nick, phone,
                                                 T0 + g_rand_int_range (rand, 0, 20) * HOUR,
                                                 g_rand_int_range (rand, 0, 4) != 0));
            break;
          }
        case 1:
          g_assert_true (cd_blacklist_repository_set_active (f->repo, entry->id, !entry->active,
                                                             &error));
          entry->active = !entry->active;
          break;
        case 2:
          g_free (entry->nickname);
          entry->nickname = g_strdup (nicks[g_rand_int_range (rand, 0, 6)]);
          entry->added_at = T0 + g_rand_int_range (rand, 0, 20) * HOUR;
          if (entry->nickname[0] == '\0' && entry->buyer_id[0] == '\0' && entry->phone[0] == '\0')
            entry->nickname = (g_free (entry->nickname), g_strdup ("Bob"));
          update (f, entry);
          break;
        case 3:
          g_assert_true (cd_blacklist_repository_delete (f->repo, entry->id, &error));
          g_ptr_array_remove (entries, entry);
          break;
        case 4:
          search (f, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
          break;
        default:
          show_inactive (f, g_rand_boolean (rand));
          break;
        }
      g_assert_no_error (error);
      assert_consistent (f);
    }
  g_assert_true (cd_database_commit (f->db, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/blacklist-list-model/" name, Fixture, NULL, \
                                    fixture_set_up, func, fixture_tear_down)
  ADD ("order", test_order);
  ADD ("search-nickname", test_search_nickname);
  ADD ("search-phone", test_search_phone);
  ADD ("search-buyer-id", test_search_buyer_id);
  ADD ("inactive", test_inactive);
  ADD ("inactive-many", test_inactive_many);
  ADD ("minimal-changes", test_minimal_changes);
  ADD ("minimal-changes-search", test_minimal_changes_search);
  ADD ("refresh-and-reset", test_refresh_and_reset);
  ADD ("restore", test_restore);
  ADD ("random", test_random);
#undef ADD

  return g_test_run ();
}
