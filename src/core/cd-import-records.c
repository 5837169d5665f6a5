/* cd-import-records.c — one record of the exchange format, checked and converted
 *
 * Each reader takes one JSON object, checks every member it knows (and ignores the others,
 * as the format says), and returns the record, or NULL with an error naming the place:
 * `cases[17].order.amount_minor: must be an integer >= 0`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-import-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cd-error.h"
#include "cd-import-private.h"
#include "cd-text.h"
#include "cd-time.h"

#define UID_MAX_CHARS 64

typedef CdImportContext Import;


gboolean
cd_import_fail (Import     *import,
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
gsize
cd_import_push_key (Import     *import,
                    const char *key)
{
  gsize mark = import->path->len;

  if (mark > 0)
    g_string_append_c (import->path, '.');
  g_string_append (import->path, key);
  return mark;
}

gsize
cd_import_push_index (Import     *import,
                      const char *key,
                      guint       index)
{
  gsize mark = import->path->len;

  char digits[16];
  gsize n = 0;

  if (key != NULL)
    cd_import_push_key (import, key);
  /* Every element of the file passes here: no printf. */
  do
    digits[n++] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);
  g_string_append_c (import->path, '[');
  while (n > 0)
    g_string_append_c (import->path, digits[--n]);
  g_string_append_c (import->path, ']');
  return mark;
}

void
cd_import_pop (Import *import,
               gsize   mark)
{
  g_string_truncate (import->path, mark);
}

/* Fails at member @key of the current place: `cases[3].order.amount_minor: message`. */
static gboolean fail_at (Import *import, const char *key, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (Import     *import,
         const char *key,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  gsize mark = cd_import_push_key (import, key);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  cd_import_fail (import, "%s", message);
  cd_import_pop (import, mark);
  return FALSE;
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

  if (node == NULL)
    return required ? fail_at (import, key, _("is required")) : TRUE;
  if (!is_string (node))
    return fail_at (import, key, _("must be a string"));
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
      return fail_at (import, "uid",
                      g_dngettext (GETTEXT_PACKAGE, "must be 1 to %d character long",
                                   "must be 1 to %d characters long", UID_MAX_CHARS),
                      UID_MAX_CHARS);
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
  g_autofree char *allowed = NULL;

  if (!read_string (import, object, key, required, &nick))
    return FALSE;
  if (nick == NULL || cd_enum_from_nick (type, nick, out))
    return TRUE;

  allowed = cd_enum_list_nicks (type);
  return fail_at (import, key, _("must be one of %s"), allowed);
}

static gboolean
read_money (Import     *import,
            JsonObject *object,
            const char *key,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 0)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  return fail_at (import, key,
                  _("must be an integer >= 0 (minor units, such as cents or fen)"));
}

static gboolean
read_bool (Import     *import,
           JsonObject *object,
           const char *key,
           gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  return fail_at (import, key, _("must be true or false"));
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

  if (node == NULL && !required)
    return TRUE;
  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = CD_TIME_UNSET;
      return TRUE;
    }

  if (node == NULL)
    return fail_at (import, key, _("is required"));
  if (!is_string (node))
    return fail_at (import, key, "%s",
                    nullable ? _("must be a date and time with a zone, or null")
                             : _("must be a date and time with a zone, such as "
                                 "2026-11-24T08:00:00Z"));
  if (!cd_time_parse (json_node_get_string (node), out, &local_error))
    return fail_at (import, key, "%s", local_error->message);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the member when it is a node of @type; NULL with the
 * error set when it is not, or when it is absent and @required; NULL with no error when it is
 * absent. */
static JsonNode *
get_container (Import       *import,
               JsonObject   *object,
               const char   *key,
               JsonNodeType  type,
               gboolean      required,
               gboolean     *failed)
{
  JsonNode *node = json_object_get_member (object, key);

  *failed = FALSE;
  if (node != NULL && JSON_NODE_TYPE (node) == type)
    return node;
  if (node == NULL && !required)
    return NULL;

  *failed = TRUE;
  if (node == NULL)
    fail_at (import, key, _("is required"));
  else
    fail_at (import, key, "%s", type == JSON_NODE_OBJECT ? _("must be an object")
                                                         : _("must be an array"));
  return NULL;
}

static JsonObject *
get_object (Import     *import,
            JsonObject *object,
            const char *key,
            gboolean    required,
            gboolean   *failed)
{
  JsonNode *node = get_container (import, object, key, JSON_NODE_OBJECT, required, failed);

  return node != NULL ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (Import     *import,
           JsonObject *object,
           const char *key,
           gboolean    required,
           gboolean   *failed)
{
  JsonNode *node = get_container (import, object, key, JSON_NODE_ARRAY, required, failed);

  return node != NULL ? json_node_get_array (node) : NULL;
}

static JsonObject *
element_object (Import    *import,
                JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  cd_import_fail (import, _("must be an object"));
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

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 1 && json_node_get_int (node) <= 5)
    {
      *out = (int) json_node_get_int (node);
      return TRUE;
    }
  return fail_at (import, "satisfaction",
                  _("must be a whole number from 1 to 5, or null"));
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

/* Reads the array @key of @object, each element with @read, into @into. */
gboolean
cd_import_read_list (Import           *import,
                     JsonObject       *object,
                     const char       *key,
                     CdImportReadFunc  read,
                     GPtrArray        *into)
{
  gboolean failed;
  JsonArray *array = get_array (import, object, key, FALSE, &failed);
  guint n;

  if (array == NULL)
    return !failed;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = cd_import_push_index (import, key, i);
      JsonObject *element = element_object (import, array, i);
      gpointer item = element != NULL ? read (import, element) : NULL;

      cd_import_pop (import, mark);
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
  mark = cd_import_push_key (import, "customer");
  ok = read_string (import, customer, "name", TRUE, &kase->customer_name) &&
       read_enum (import, customer, "platform", CD_TYPE_PLATFORM, FALSE, &platform) &&
       read_string (import, customer, "buyer_id", FALSE, &kase->buyer_id) &&
       read_string (import, customer, "phone", FALSE, &kase->phone) &&
       read_string (import, customer, "email", FALSE, &kase->email);
  cd_import_pop (import, mark);
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
  mark = cd_import_push_key (import, "order");
  ok = read_string (import, order, "number", FALSE, &kase->order_number) &&
       read_string (import, order, "product", FALSE, &kase->product) &&
       read_money (import, order, "amount_minor", &kase->order_amount);
  cd_import_pop (import, mark);
  return ok;
}

gpointer
cd_import_read_case (Import     *import,
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
      !cd_import_read_list (import, object, "compensations", (CdImportReadFunc) read_compensation,
                  kase->compensations) ||
      !cd_import_read_list (import, object, "followups", (CdImportReadFunc) read_follow_up,
                  kase->followups) ||
      !cd_import_read_list (import, object, "events", (CdImportReadFunc) read_event, kase->events))
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

gpointer
cd_import_read_entry (Import     *import,
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
      cd_import_fail (import, _("needs a buyer_id, a nickname or a phone"));
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
          gsize mark = cd_import_push_index (import, "case_uids", i);
          cd_import_fail (import,
                          g_dngettext (GETTEXT_PACKAGE, "must be a string of 1 to %d character",
                                       "must be a string of 1 to %d characters", UID_MAX_CHARS),
                          UID_MAX_CHARS);
          cd_import_pop (import, mark);
          return NULL;
        }
      g_ptr_array_add (entry->case_uids, g_strdup (json_node_get_string (node)));
    }
  return g_steal_pointer (&entry);
}

gpointer
cd_import_read_template (Import     *import,
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
  mark = cd_import_push_key (import, "shop");
  if (!read_string (import, shop, "name", FALSE, &import->shop->name) ||
      !read_string (import, shop, "currency", FALSE, &import->shop->currency))
    {
      cd_import_pop (import, mark);
      return FALSE;
    }
  if (!cd_shop_settings_currency_is_valid (import->shop->currency))
    {
      cd_import_push_key (import, "currency");
      cd_import_fail (import, _("must be a three-letter ISO 4217 code such as CNY or USD"));
      cd_import_pop (import, mark);
      return FALSE;
    }
  cd_import_pop (import, mark);
  return TRUE;
}

/**
 * cd_import_read_header:
 * @root: the top-level object, with "cases" and "blacklist" present as (empty) arrays when the
 *   file has them as arrays
 * @shop: (out) (transfer full) (nullable): the shop's settings, when the file has them
 *
 * Checks what stands beside the records: the format's name and version, exported_at, the
 * shop, and that the two lists are there.
 */
gboolean
cd_import_read_header (Import          *import,
                       JsonObject      *root,
                       CdShopSettings **shop)
{
  JsonNode *node;
  gint64 exported_at;
  gboolean failed;

  node = json_object_get_member (root, "format");
  if (node == NULL || !is_string (node) ||
      g_strcmp0 (json_node_get_string (node), "compdesk-export") != 0)
    return cd_import_fail (import, _("the file is not a CompDesk export: \"format\" is not "
                                     "\"compdesk-export\""));

  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) != 1)
    return fail_at (import, "version",
                    _("must be 1: this CompDesk reads version 1 of the format"));

  if (!read_time (import, root, "exported_at", FALSE, FALSE, &exported_at) ||
      !read_shop (import, root) ||
      get_array (import, root, "cases", TRUE, &failed) == NULL ||
      get_array (import, root, "blacklist", TRUE, &failed) == NULL)
    {
      /* read_shop() may have made the settings before a later member failed. */
      g_clear_object (&import->shop);
      return FALSE;
    }

  *shop = g_steal_pointer (&import->shop);
  return TRUE;
}

/* The element of a list as an object; NULL with the error set when it is not one. */
JsonObject *
cd_import_element_object (Import   *import,
                          JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  cd_import_fail (import, _("must be an object"));
  return NULL;
}
