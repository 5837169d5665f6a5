/* cd-test-exchange.c — synthetic exchange-format files for the robustness tests
 *
 * The content is fixed (no randomness), so a failure can be reproduced from the counts alone.
 * It mixes Chinese, emoji and quotes so the importer does its usual work per record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cd-test-exchange.h"

static const char *const platforms[] = { "taobao", "tmall", "doudian", "jd", "pinduoduo",
                                         "shopify", "amazon", "ebay", "own_site", "other" };
static const char *const categories[] = { "quality", "wrong_item", "missing_item", "damaged",
                                          "logistics_delay", "not_as_described", "other" };
static const char *const stages[] = { "listen", "confirm", "apologise", "propose", "agree",
                                      "carry_out", "follow_up", "improve", "closed" };

static void
append_case (GString    *out,
             const char *prefix,
             guint       i)
{
  guint day = 1 + i % 28;

  g_string_append_printf (out,
    "    {\"uid\": \"%s-case-%08u\", \"created_at\": \"2026-10-%02uT09:12:00+08:00\",\n"
    "     \"updated_at\": \"2026-10-%02uT16:40:00+08:00\",\n"
    "     \"customer\": {\"name\": \"小林 %u\", \"platform\": \"%s\", \"buyer_id\": \"b_%s_%u\","
    " \"phone\": \"+86 139-%04u-%04u\"},\n"
    "     \"order\": {\"number\": \"35%010u\", \"product\": \"Longjing tea 250 g 🍵\","
    " \"amount_minor\": %u},\n"
    "     \"channel\": \"platform_chat\", \"category\": \"%s\", \"severity\": \"medium\",\n"
    "     \"responsibility\": \"logistics\", \"stage\": \"%s\",\n"
    "     \"description\": \"罐子压扁了，茶叶撒了一半。 \\\"Is this a scam?\\\" '; DROP TABLE\",\n"
    "     \"summary\": \"Tin %u crushed in transit.\", \"summary_confirmed\": true,\n"
    "     \"customer_wants\": \"A new tin.\",\n"
    "     \"compensations\": [{\"kind\": \"replacement\", \"status\": \"done\","
    " \"amount_minor\": 12800, \"cost_minor\": 5200, \"reference\": \"SF%010u\","
    " \"done_at\": \"2026-10-%02uT17:05:00+08:00\"}],\n"
    "     \"followups\": [{\"due_at\": \"2026-11-%02uT10:00:00+08:00\","
    " \"method\": \"platform_chat\", \"done_at\": null, \"satisfaction\": null,"
    " \"remarks\": \"\"}],\n"
    "     \"events\": [{\"at\": \"2026-10-%02uT09:12:00+08:00\", \"kind\": \"created\","
    " \"text\": \"Buyer wrote in platform chat.\"}]}",
    prefix, i, day, day, i, platforms[i % G_N_ELEMENTS (platforms)], prefix, i,
    (i / 10000) % 10000, i % 10000, i, 500 + i % 100000,
    categories[i % G_N_ELEMENTS (categories)], stages[i % G_N_ELEMENTS (stages)], i, i, day,
    day, day);
}

static void
append_entry (GString    *out,
              const char *prefix,
              guint       i)
{
  g_string_append_printf (out,
    "    {\"uid\": \"%s-bl-%08u\", \"platform\": \"%s\", \"buyer_id\": \"dy_%s_%u\","
    " \"nickname\": \"Ｂｕｙｅｒ%u\", \"phone\": \"+86 137-%04u-%04u\","
    " \"reason\": \"malicious_review\", \"evidence\": \"差评要挟退款 %u; =1+1\","
    " \"case_uids\": [], \"added_at\": \"2026-10-02T11:00:00+08:00\", \"active\": %s}",
    prefix, i, platforms[i % G_N_ELEMENTS (platforms)], prefix, i, i, (i / 10000) % 10000,
    i % 10000, i, i % 17 == 0 ? "false" : "true");
}

GString *
cd_test_exchange_generate (const char *prefix,
                           guint       n_cases,
                           guint       n_entries)
{
  GString *out = g_string_sized_new (256 + n_cases * 1400 + n_entries * 330);

  g_string_append (out,
    "{\n  \"format\": \"compdesk-export\",\n  \"version\": 1,\n"
    "  \"exported_at\": \"2026-11-24T00:00:00Z\",\n"
    "  \"shop\": {\"name\": \"Little Tea House\", \"currency\": \"CNY\"},\n"
    "  \"cases\": [\n");
  for (guint i = 0; i < n_cases; i++)
    {
      append_case (out, prefix, i);
      g_string_append (out, i + 1 < n_cases ? ",\n" : "\n");
    }
  g_string_append (out, "  ],\n  \"blacklist\": [\n");
  for (guint i = 0; i < n_entries; i++)
    {
      append_entry (out, prefix, i);
      g_string_append (out, i + 1 < n_entries ? ",\n" : "\n");
    }
  g_string_append (out, "  ],\n  \"templates\": []\n}\n");
  return out;
}

void
cd_test_exchange_write (const char *path,
                        const char *prefix,
                        guint       n_cases,
                        guint       n_entries)
{
  g_autoptr(GString) doc = cd_test_exchange_generate (prefix, n_cases, n_entries);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, doc->str, (gssize) doc->len, &error);
  g_assert_no_error (error);
}
