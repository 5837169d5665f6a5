/* cd-importer.c — reading the exchange format (../shared/formats) into the database
 *
 * An import is all or nothing. The bytes are checked first (size, UTF-8, nesting), then
 * parsed by json-glib, then every record is validated and converted before anything is
 * written; only then is everything stored, in one transaction. Any failure leaves the
 * database as it was, and the error names the place: `cases[17].order.amount_minor: …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-importer"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cd-blacklist-repository.h"
#include "cd-case-repository.h"
#include "cd-error.h"
#include "cd-importer.h"
#include "cd-shop-settings.h"
#include "cd-template-repository.h"
#include "cd-text.h"
#include "cd-time.h"

#define UID_MAX_CHARS 64

typedef struct
{
  GString        *path;        /* where we are: cases[17].order */
  GError        **error;

  CdShopSettings *shop;        /* NULL when the file has no "shop" */
  GPtrArray      *cases;
  GPtrArray      *entries;
  GPtrArray      *templates;

  CdProgressFunc  progress;
  gpointer        progress_data;
  double          last_reported;
} Import;

/* Phases of the progress bar: checking and parsing, validating, writing. */
#define PARSED_AT    0.40
#define VALIDATED_AT 0.55

static void
report (Import *import,
        double  fraction)
{
  if (import->progress == NULL || fraction - import->last_reported < 0.01)
    return;
  import->last_reported = fraction;
  import->progress (MIN (fraction, 1.0), import->progress_data);
}

static gboolean fail (Import *import, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Import     *import,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (import->path->len > 0)
    g_set_error (import->error, CD_ERROR, CD_ERROR_INVALID, "%s: %s", import->path->str, message);
  else
    g_set_error (import->error, CD_ERROR, CD_ERROR_INVALID, "%s", message);
  return FALSE;
}

/* Path bookkeeping: push returns the length to pop back to. */
static gsize
push_key (Import     *import,
          const char *key)
{
  gsize mark = import->path->len;

  if (mark > 0)
    g_string_append_c (import->path, '.');
  g_string_append (import->path, key);
  return mark;
}

static gsize
push_index (Import     *import,
            const char *key,
            guint       index)
{
  gsize mark = import->path->len;

  if (key != NULL)
    push_key (import, key);
  g_string_append_printf (import->path, "[%u]", index);
  return mark;
}

static void
pop (Import *import,
     gsize   mark)
{
  g_string_truncate (import->path, mark);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Each reader checks one member: absent is fine unless @required; present must be right.
 * On success *out holds the value (untouched when absent). */

static gboolean
read_string (Import      *import,
             JsonObject  *object,
             const char  *key,
             gboolean     required,
             char       **out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      mark = push_key (import, key);
      fail (import, _("is required"));
      pop (import, mark);
      return FALSE;
    }
  if (!is_string (node))
    {
      mark = push_key (import, key);
      fail (import, _("must be a string"));
      pop (import, mark);
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_uid (Import      *import,
          JsonObject  *object,
          char       **out)
{
  glong length;

  if (!read_string (import, object, "uid", TRUE, out))
    return FALSE;
  length = g_utf8_strlen (*out, -1);
  if (length < 1 || length > UID_MAX_CHARS)
    {
      gsize mark = push_key (import, "uid");
      fail (import, _("must be 1 to %d characters long"), UID_MAX_CHARS);
      pop (import, mark);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_enum (Import     *import,
           JsonObject *object,
           const char *key,
           GType       type,
           gboolean    required,
           int        *out)
{
  g_autofree char *nick = NULL;
  gsize mark;

  if (!read_string (import, object, key, required, &nick))
    return FALSE;
  if (nick == NULL || cd_enum_from_nick (type, nick, out))
    return TRUE;

  mark = push_key (import, key);
  {
    g_autofree char *allowed = cd_enum_list_nicks (type);
    fail (import, _("must be one of %s"), allowed);
  }
  pop (import, mark);
  return FALSE;
}

static gboolean
read_money (Import     *import,
            JsonObject *object,
            const char *key,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 0)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  mark = push_key (import, key);
  fail (import, _("must be an integer >= 0 (minor units, such as cents or fen)"));
  pop (import, mark);
  return FALSE;
}

static gboolean
read_bool (Import     *import,
           JsonObject *object,
           const char *key,
           gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  mark = push_key (import, key);
  fail (import, _("must be true or false"));
  pop (import, mark);
  return FALSE;
}

/* @nullable: JSON null is allowed and gives CD_TIME_UNSET. */
static gboolean
read_time (Import     *import,
           JsonObject *object,
           const char *key,
           gboolean    required,
           gboolean    nullable,
           gint64     *out)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GError) local_error = NULL;
  gsize mark;

  if (node == NULL && !required)
    return TRUE;
  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = CD_TIME_UNSET;
      return TRUE;
    }

  mark = push_key (import, key);
  if (node == NULL)
    fail (import, _("is required"));
  else if (!is_string (node))
    fail (import, nullable ? _("must be a date and time with a zone, or null")
                           : _("must be a date and time with a zone, such as "
                               "2026-11-24T08:00:00Z"));
  else if (!cd_time_parse (json_node_get_string (node), out, &local_error))
    fail (import, "%s", local_error->message);
  else
    {
      pop (import, mark);
      return TRUE;
    }
  pop (import, mark);
  return FALSE;
}

/* Returns: (transfer none) (nullable): the member as an object; NULL with the error set when
 * it is not one, or when it is absent and @required; NULL with no error when it is absent. */
static JsonObject *
get_object (Import     *import,
            JsonObject *object,
            const char *key,
            gboolean    required,
            gboolean   *failed)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  *failed = FALSE;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  if (node == NULL && !required)
    return NULL;

  mark = push_key (import, key);
  fail (import, node == NULL ? _("is required") : _("must be an object"));
  pop (import, mark);
  *failed = TRUE;
  return NULL;
}

static JsonArray *
get_array (Import     *import,
           JsonObject *object,
           const char *key,
           gboolean    required,
           gboolean   *failed)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize mark;

  *failed = FALSE;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (node == NULL && !required)
    return NULL;

  mark = push_key (import, key);
  fail (import, node == NULL ? _("is required") : _("must be an array"));
  pop (import, mark);
  *failed = TRUE;
  return NULL;
}

static JsonObject *
element_object (Import    *import,
                JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  fail (import, _("must be an object"));
  return NULL;
}

static CdCompensation *
read_compensation (Import     *import,
                   JsonObject *object)
{
  g_autoptr(CdCompensation) c = cd_compensation_new (CD_COMPENSATION_APOLOGY,
                                                     CD_COMPENSATION_SUGGESTED);
  int kind = 0, status = 0;

  if (!read_enum (import, object, "kind", CD_TYPE_COMPENSATION_KIND, TRUE, &kind) ||
      !read_enum (import, object, "status", CD_TYPE_COMPENSATION_STATUS, TRUE, &status) ||
      !read_money (import, object, "amount_minor", &c->amount) ||
      !read_money (import, object, "cost_minor", &c->cost) ||
      !read_string (import, object, "reference", FALSE, &c->reference) ||
      !read_string (import, object, "note", FALSE, &c->note) ||
      !read_time (import, object, "done_at", FALSE, TRUE, &c->done_at))
    return NULL;
  c->kind = kind;
  c->status = status;
  return g_steal_pointer (&c);
}

static gboolean
read_satisfaction (Import     *import,
                   JsonObject *object,
                   int        *out)
{
  JsonNode *node = json_object_get_member (object, "satisfaction");
  gsize mark;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 1 && json_node_get_int (node) <= 5)
    {
      *out = (int) json_node_get_int (node);
      return TRUE;
    }
  mark = push_key (import, "satisfaction");
  fail (import, _("must be a whole number from 1 to 5, or null"));
  pop (import, mark);
  return FALSE;
}

static CdFollowUp *
read_follow_up (Import     *import,
                JsonObject *object)
{
  g_autoptr(CdFollowUp) f = cd_follow_up_new (0);
  int method = CD_METHOD_PLATFORM_CHAT;

  if (!read_time (import, object, "due_at", TRUE, FALSE, &f->due_at) ||
      !read_enum (import, object, "method", CD_TYPE_FOLLOW_UP_METHOD, FALSE, &method) ||
      !read_time (import, object, "done_at", FALSE, TRUE, &f->done_at) ||
      !read_satisfaction (import, object, &f->satisfaction) ||
      !read_string (import, object, "remarks", FALSE, &f->remarks))
    return NULL;
  f->method = method;
  return g_steal_pointer (&f);
}

static CdTimelineEvent *
read_event (Import     *import,
            JsonObject *object)
{
  g_autoptr(CdTimelineEvent) e = cd_timeline_event_new (0, "", "");

  if (!read_time (import, object, "at", TRUE, FALSE, &e->at) ||
      !read_string (import, object, "kind", TRUE, &e->kind) ||
      !read_string (import, object, "text", FALSE, &e->text))
    return NULL;
  return g_steal_pointer (&e);
}

typedef gpointer (*ReadElement) (Import *, JsonObject *);

/* Reads the array @key of @object, each element with @read, into @into. */
static gboolean
read_list (Import      *import,
           JsonObject  *object,
           const char  *key,
           ReadElement  read,
           GPtrArray   *into)
{
  gboolean failed;
  JsonArray *array = get_array (import, object, key, FALSE, &failed);
  guint n;

  if (array == NULL)
    return !failed;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (import, key, i);
      JsonObject *element = element_object (import, array, i);
      gpointer item = element != NULL ? read (import, element) : NULL;

      pop (import, mark);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (into, item);
    }
  return TRUE;
}

static gboolean
read_customer (Import     *import,
               JsonObject *object,
               CdCase     *kase)
{
  gboolean failed;
  JsonObject *customer = get_object (import, object, "customer", TRUE, &failed);
  int platform = kase->platform;
  gsize mark;
  gboolean ok;

  if (customer == NULL)
    return FALSE;
  mark = push_key (import, "customer");
  ok = read_string (import, customer, "name", TRUE, &kase->customer_name) &&
       read_enum (import, customer, "platform", CD_TYPE_PLATFORM, FALSE, &platform) &&
       read_string (import, customer, "buyer_id", FALSE, &kase->buyer_id) &&
       read_string (import, customer, "phone", FALSE, &kase->phone) &&
       read_string (import, customer, "email", FALSE, &kase->email);
  pop (import, mark);
  kase->platform = platform;
  return ok;
}

static gboolean
read_order (Import     *import,
            JsonObject *object,
            CdCase     *kase)
{
  gboolean failed;
  JsonObject *order = get_object (import, object, "order", FALSE, &failed);
  gsize mark;
  gboolean ok;

  if (order == NULL)
    return !failed;
  mark = push_key (import, "order");
  ok = read_string (import, order, "number", FALSE, &kase->order_number) &&
       read_string (import, order, "product", FALSE, &kase->product) &&
       read_money (import, order, "amount_minor", &kase->order_amount);
  pop (import, mark);
  return ok;
}

static gpointer
read_case (Import     *import,
           JsonObject *object)
{
  g_autoptr(CdCase) kase = cd_case_new ();
  int channel = kase->channel, category = kase->category, severity = kase->severity;
  int responsibility = kase->responsibility, stage = 0, root_cause = kase->root_cause;

  kase->updated_at = CD_TIME_UNSET;
  if (!read_uid (import, object, &kase->uid) ||
      !read_time (import, object, "created_at", TRUE, FALSE, &kase->created_at) ||
      !read_time (import, object, "updated_at", FALSE, FALSE, &kase->updated_at) ||
      !read_customer (import, object, kase) ||
      !read_order (import, object, kase) ||
      !read_enum (import, object, "channel", CD_TYPE_CHANNEL, FALSE, &channel) ||
      !read_enum (import, object, "category", CD_TYPE_CATEGORY, FALSE, &category) ||
      !read_enum (import, object, "severity", CD_TYPE_SEVERITY, FALSE, &severity) ||
      !read_enum (import, object, "responsibility", CD_TYPE_RESPONSIBILITY, FALSE,
                  &responsibility) ||
      !read_enum (import, object, "stage", CD_TYPE_STAGE, TRUE, &stage) ||
      !read_string (import, object, "description", FALSE, &kase->description) ||
      !read_string (import, object, "summary", FALSE, &kase->summary) ||
      !read_bool (import, object, "summary_confirmed", &kase->summary_confirmed) ||
      !read_string (import, object, "customer_wants", FALSE, &kase->customer_wants) ||
      !read_string (import, object, "promise", FALSE, &kase->promise) ||
      !read_time (import, object, "promised_by", FALSE, TRUE, &kase->promised_by) ||
      !read_enum (import, object, "root_cause", CD_TYPE_ROOT_CAUSE, FALSE, &root_cause) ||
      !read_string (import, object, "improvement", FALSE, &kase->improvement) ||
      !read_string (import, object, "language", FALSE, &kase->language) ||
      !read_list (import, object, "compensations", (ReadElement) read_compensation,
                  kase->compensations) ||
      !read_list (import, object, "followups", (ReadElement) read_follow_up,
                  kase->followups) ||
      !read_list (import, object, "events", (ReadElement) read_event, kase->events))
    return NULL;

  kase->channel = channel;
  kase->category = category;
  kase->severity = severity;
  kase->responsibility = responsibility;
  kase->stage = stage;
  kase->root_cause = root_cause;
  if (kase->updated_at == CD_TIME_UNSET)
    kase->updated_at = kase->created_at;
  return g_steal_pointer (&kase);
}

static gpointer
read_entry (Import     *import,
            JsonObject *object)
{
  g_autoptr(CdBlacklistEntry) entry = cd_blacklist_entry_new ();
  int platform = entry->platform, reason = 0;
  gboolean failed;
  JsonArray *case_uids;

  if (!read_uid (import, object, &entry->uid) ||
      !read_enum (import, object, "platform", CD_TYPE_PLATFORM, FALSE, &platform) ||
      !read_string (import, object, "buyer_id", FALSE, &entry->buyer_id) ||
      !read_string (import, object, "nickname", FALSE, &entry->nickname) ||
      !read_string (import, object, "phone", FALSE, &entry->phone) ||
      !read_string (import, object, "name", FALSE, &entry->name) ||
      !read_enum (import, object, "reason", CD_TYPE_BLACKLIST_REASON, TRUE, &reason) ||
      !read_string (import, object, "evidence", FALSE, &entry->evidence) ||
      !read_time (import, object, "added_at", TRUE, FALSE, &entry->added_at) ||
      !read_bool (import, object, "active", &entry->active))
    return NULL;
  entry->platform = platform;
  entry->reason = reason;

  if (cd_text_is_blank (entry->buyer_id) && cd_text_is_blank (entry->nickname) &&
      cd_text_is_blank (entry->phone))
    {
      fail (import, _("needs a buyer_id, a nickname or a phone"));
      return NULL;
    }

  case_uids = get_array (import, object, "case_uids", FALSE, &failed);
  if (failed)
    return NULL;
  for (guint i = 0; case_uids != NULL && i < json_array_get_length (case_uids); i++)
    {
      JsonNode *node = json_array_get_element (case_uids, i);
      glong length = is_string (node) ? g_utf8_strlen (json_node_get_string (node), -1) : 0;

      if (length < 1 || length > UID_MAX_CHARS)
        {
          gsize mark = push_index (import, "case_uids", i);
          fail (import, _("must be a string of 1 to %d characters"), UID_MAX_CHARS);
          pop (import, mark);
          return NULL;
        }
      g_ptr_array_add (entry->case_uids, g_strdup (json_node_get_string (node)));
    }
  return g_steal_pointer (&entry);
}

static gpointer
read_template (Import     *import,
               JsonObject *object)
{
  g_autoptr(CdMessageTemplate) tmpl = cd_message_template_new (NULL, NULL, NULL, NULL, NULL);

  if (!read_uid (import, object, &tmpl->uid) ||
      !read_string (import, object, "name", TRUE, &tmpl->name) ||
      !read_string (import, object, "stage", FALSE, &tmpl->stage) ||
      !read_string (import, object, "language", FALSE, &tmpl->language) ||
      !read_string (import, object, "body", TRUE, &tmpl->body))
    return NULL;
  return g_steal_pointer (&tmpl);
}

/* A uid may stand only once in each list: two versions of one record in one file have no
 * order to decide between them. */
static gboolean
check_unique (Import     *import,
              GPtrArray  *records,
              const char *list,
              gsize       uid_offset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    {
      const char *uid = *(char **) G_STRUCT_MEMBER_P (g_ptr_array_index (records, i), uid_offset);
      gpointer first;

      if (g_hash_table_lookup_extended (seen, uid, NULL, &first))
        {
          gsize mark = push_index (import, list, i);
          push_key (import, "uid");
          fail (import, _("the same uid as %s[%u]"), list, GPOINTER_TO_UINT (first));
          pop (import, mark);
          return FALSE;
        }
      g_hash_table_insert (seen, (gpointer) uid, GUINT_TO_POINTER (i));
    }
  return TRUE;
}

static gboolean
read_shop (Import     *import,
           JsonObject *root)
{
  gboolean failed;
  JsonObject *shop = get_object (import, root, "shop", FALSE, &failed);
  gsize mark;

  if (shop == NULL)
    return !failed;

  import->shop = cd_shop_settings_new ();
  mark = push_key (import, "shop");
  if (!read_string (import, shop, "name", FALSE, &import->shop->name) ||
      !read_string (import, shop, "currency", FALSE, &import->shop->currency))
    {
      pop (import, mark);
      return FALSE;
    }
  if (!cd_shop_settings_currency_is_valid (import->shop->currency))
    {
      push_key (import, "currency");
      fail (import, _("must be a three-letter ISO 4217 code such as CNY or USD"));
      pop (import, mark);
      return FALSE;
    }
  pop (import, mark);
  return TRUE;
}

static gboolean
read_document (Import   *import,
               JsonNode *root_node)
{
  JsonObject *root;
  JsonNode *node;
  gint64 exported_at;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (import, _("the file is not a CompDesk export: its top level is not an object"));
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (node == NULL || !is_string (node) ||
      g_strcmp0 (json_node_get_string (node), "compdesk-export") != 0)
    return fail (import, _("the file is not a CompDesk export: \"format\" is not "
                           "\"compdesk-export\""));

  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) != 1)
    {
      push_key (import, "version");
      return fail (import, _("must be 1: this CompDesk reads version 1 of the format"));
    }

  if (!read_time (import, root, "exported_at", FALSE, FALSE, &exported_at) ||
      !read_shop (import, root))
    return FALSE;

  {
    gboolean failed;

    if (get_array (import, root, "cases", TRUE, &failed) == NULL ||
        get_array (import, root, "blacklist", TRUE, &failed) == NULL)
      return FALSE;
  }

  if (!read_list (import, root, "cases", read_case, import->cases))
    return FALSE;
  report (import, PARSED_AT + (VALIDATED_AT - PARSED_AT) * 0.5);
  if (!read_list (import, root, "blacklist", read_entry, import->entries) ||
      !read_list (import, root, "templates", read_template, import->templates))
    return FALSE;

  return check_unique (import, import->cases, "cases", G_STRUCT_OFFSET (CdCase, uid)) &&
         check_unique (import, import->entries, "blacklist",
                       G_STRUCT_OFFSET (CdBlacklistEntry, uid)) &&
         check_unique (import, import->templates, "templates",
                       G_STRUCT_OFFSET (CdMessageTemplate, uid));
}

/* json-glib's parser recurses once per level; refuse absurd nesting before it sees it. */
static gboolean
check_nesting (const char *data,
               gsize       length,
               GError    **error)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > CD_IMPORT_MAX_DEPTH)
            {
              g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                           _("the file is nested more than %d levels deep (at byte %zu); "
                             "it is not a CompDesk export"),
                           CD_IMPORT_MAX_DEPTH, (size_t) i);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return TRUE;
}

static gboolean
check_size (goffset   length,
            GError  **error)
{
  if (length == 0)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("the file is empty"));
      return FALSE;
    }
  if (length > CD_IMPORT_MAX_BYTES)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   _("the file is larger than %d MB, more than any CompDesk export"),
                   (int) (CD_IMPORT_MAX_BYTES / (1024 * 1024)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_bytes (const char  *data,
             gsize        length,
             GError     **error)
{
  const char *end = NULL;

  if (!check_size ((goffset) length, error))
    return FALSE;
  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT,
                   _("the file is not UTF-8 text (byte %zu is not)"),
                   (size_t) (end - data));
      return FALSE;
    }
  return check_nesting (data, length, error);
}

static gboolean
store_all (Import      *import,
           CdDatabase  *db,
           CdImportStats *stats,
           GError     **error)
{
  g_autoptr(CdCaseRepository) cases = cd_case_repository_new (db);
  g_autoptr(CdBlacklistRepository) entries = cd_blacklist_repository_new (db);
  g_autoptr(CdTemplateRepository) templates = cd_template_repository_new (db);
  guint total = import->cases->len + import->entries->len + import->templates->len;
  guint done = 0;
  guint *counts[3][3] = {
    { &stats->cases_added, &stats->cases_updated, &stats->cases_unchanged },
    { &stats->entries_added, &stats->entries_updated, &stats->entries_unchanged },
    { &stats->templates_added, &stats->templates_updated, &stats->templates_unchanged },
  };

  if (import->shop != NULL && !cd_shop_settings_save (import->shop, db, error))
    return FALSE;

  if (!cd_case_repository_begin_bulk (cases, error))
    return FALSE;
  for (guint i = 0; i < import->cases->len; i++, done++)
    {
      CdStoreResult result;

      if (!cd_case_repository_store_imported (cases, g_ptr_array_index (import->cases, i),
                                              &result, error))
        {
          cd_case_repository_end_bulk (cases, NULL);
          return FALSE;
        }
      (*counts[0][result])++;
      report (import, VALIDATED_AT + (1.0 - VALIDATED_AT) * done / MAX (total, 1));
    }
  if (!cd_case_repository_end_bulk (cases, error))
    return FALSE;
  g_debug ("cases stored");
  for (guint i = 0; i < import->entries->len; i++, done++)
    {
      CdStoreResult result;

      if (!cd_blacklist_repository_store_imported (entries,
                                                   g_ptr_array_index (import->entries, i),
                                                   &result, error))
        return FALSE;
      (*counts[1][result])++;
      report (import, VALIDATED_AT + (1.0 - VALIDATED_AT) * done / MAX (total, 1));
    }
  for (guint i = 0; i < import->templates->len; i++, done++)
    {
      CdStoreResult result;

      if (!cd_template_repository_store_imported (templates,
                                                  g_ptr_array_index (import->templates, i),
                                                  &result, error))
        return FALSE;
      (*counts[2][result])++;
    }
  return TRUE;
}

/**
 * cd_import_bytes:
 * @progress: (nullable) (scope call): told how far the import has come
 * @stats: (out caller-allocates) (optional): what was added, updated and left alone
 *
 * Imports a whole exchange-format document, all or nothing.
 */
gboolean
cd_import_bytes (CdDatabase      *db,
                 GBytes          *bytes,
                 CdProgressFunc   progress,
                 gpointer         user_data,
                 CdImportStats   *stats,
                 GError         **error)
{
  Import import = { 0 };
  CdImportStats local_stats = { 0 };
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  gboolean ok = FALSE;
  gint64 started = g_get_monotonic_time ();

  /* A UTF-8 byte-order mark is not JSON, but some editors write one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_bytes (data, length, error))
    return FALSE;

  import.path = g_string_new (NULL);
  import.error = error;
  import.progress = progress;
  import.progress_data = user_data;
  import.last_reported = -1;
  import.cases = g_ptr_array_new_with_free_func (g_object_unref);
  import.entries = g_ptr_array_new_with_free_func (g_object_unref);
  import.templates = g_ptr_array_new_with_free_func (g_object_unref);
  report (&import, 0.0);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("the file is not valid JSON: %s"),
                   parse_error->message);
      goto out;
    }
  report (&import, PARSED_AT);
  g_debug ("checked and parsed in %.3f s", (g_get_monotonic_time () - started) / 1e6);

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("the file is empty"));
      goto out;
    }
  if (!read_document (&import, json_parser_get_root (parser)))
    goto out;
  /* Everything is converted: the tree is no longer needed while writing. */
  g_clear_object (&parser);
  report (&import, VALIDATED_AT);
  g_debug ("validated in %.3f s", (g_get_monotonic_time () - started) / 1e6);

  cd_database_exec (db, "PRAGMA cache_size = -262144", NULL);
  if (!cd_database_begin (db, error))
    goto out;
  if (!store_all (&import, db, &local_stats, error) ||
      (g_debug ("all stored, committing"), !cd_database_commit (db, error)))
    {
      if (cd_database_in_transaction (db))
        cd_database_rollback (db);
      goto out;
    }
  report (&import, 1.0);
  g_debug ("stored in %.3f s", (g_get_monotonic_time () - started) / 1e6);
  if (stats != NULL)
    *stats = local_stats;
  ok = TRUE;

out:
  g_string_free (import.path, TRUE);
  g_clear_object (&import.shop);
  g_ptr_array_unref (import.cases);
  g_ptr_array_unref (import.entries);
  g_ptr_array_unref (import.templates);
  return ok;
}

/**
 * cd_import_file:
 * @path: the file
 *
 * Like cd_import_bytes(), for a file, which is mapped rather than read into memory.
 */
gboolean
cd_import_file (CdDatabase      *db,
                const char      *path,
                CdProgressFunc   progress,
                gpointer         user_data,
                CdImportStats   *stats,
                GError         **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot be read: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("is not a regular file"));
      return FALSE;
    }
  if (!check_size (st.st_size, error))
    return FALSE;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, CD_ERROR, CD_ERROR_IMPORT, _("cannot be read: %s"),
                   local_error->message);
      return FALSE;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return cd_import_bytes (db, bytes, progress, user_data, stats, error);
}
