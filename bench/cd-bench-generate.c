/* cd-bench-generate.c — writes a synthetic shop in the exchange format
 *
 * Usage: cd-bench-generate CASES ENTRIES FILE
 *
 * The data is made from a fixed seed, so every run and every machine gets the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const names[] = { "小林", "王芳", "李娜", "Dana Whitfield", "Tom Becker",
                                      "张伟", "刘洋", "Aiko Sato", "陈静", "María López" };
static const char *const products[] = { "Longjing tea 250 g", "手工陶瓷茶杯", "Hand-dyed yarn",
                                        "蓝牙耳机", "Leather wallet", "儿童保温杯" };
static const char *const platforms[] = { "taobao", "tmall", "doudian", "jd", "pinduoduo",
                                         "shopify", "amazon", "ebay", "own_site", "other" };
static const char *const categories[] = { "quality", "wrong_item", "missing_item", "damaged",
                                          "logistics_delay", "not_as_described",
                                          "usage_question", "service_attitude",
                                          "price_dispute", "other" };
static const char *const stages[] = { "listen", "confirm", "apologise", "propose", "agree",
                                      "carry_out", "follow_up", "improve", "closed",
                                      "escalated" };
static const char *const kinds[] = { "replacement", "partial_refund", "coupon",
                                     "goodwill_payment", "full_refund", "gift" };
static const char *const reasons[] = { "malicious_review", "refund_abuse", "false_claim",
                                       "chargeback", "abusive", "other" };

#define PICK(rand, table) (table)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (table))]

static void
time_string (char   *out,
             gint64  seconds)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *s = g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");

  g_strlcpy (out, s, 32);
}

static void
write_case (FILE  *out,
            GRand *rand,
            guint  i)
{
  gint64 created = 1735689600 + g_rand_int_range (rand, 0, 60 * 60 * 24 * 690);
  char c_at[32], u_at[32], due[32];

  time_string (c_at, created);
  time_string (u_at, created + 3600);
  time_string (due, created + 86400 * 3);
  fprintf (out,
           "    {\n      \"uid\": \"case-%08u\",\n      \"created_at\": \"%s\",\n"
           "      \"updated_at\": \"%s\",\n"
           "      \"customer\": {\"name\": \"%s\", \"platform\": \"%s\", "
           "\"buyer_id\": \"buyer_%u\", \"phone\": \"+86 139-%04u-%04u\", \"email\": \"\"},\n"
           "      \"order\": {\"number\": \"%u%06u\", \"product\": \"%s\", "
           "\"amount_minor\": %d},\n"
           "      \"channel\": \"platform_chat\", \"category\": \"%s\", \"severity\": \"medium\",\n"
           "      \"responsibility\": \"seller\", \"stage\": \"%s\",\n"
           "      \"description\": \"收到的货有问题，包装破损，希望尽快处理。The parcel arrived "
           "damaged and I want this fixed quickly.\",\n"
           "      \"summary\": \"Item %u damaged in transit; buyer wants a replacement.\",\n"
           "      \"summary_confirmed\": true, \"customer_wants\": \"补发一件\",\n"
           "      \"promise\": \"Replacement ships within 24 hours.\", \"promised_by\": \"%s\",\n"
           "      \"root_cause\": \"packaging\", \"improvement\": \"Double box fragile items.\",\n"
           "      \"compensations\": [\n"
           "        {\"kind\": \"%s\", \"status\": \"done\", \"amount_minor\": %d, "
           "\"cost_minor\": %d, \"reference\": \"SF%010u\", \"note\": \"\", \"done_at\": \"%s\"},\n"
           "        {\"kind\": \"coupon\", \"status\": \"declined\", \"amount_minor\": 2000, "
           "\"cost_minor\": 2000, \"reference\": \"\", \"note\": \"\", \"done_at\": null}\n"
           "      ],\n"
           "      \"followups\": [{\"due_at\": \"%s\", \"method\": \"platform_chat\", "
           "\"done_at\": null, \"satisfaction\": null, \"remarks\": \"\"}],\n"
           "      \"events\": [\n"
           "        {\"at\": \"%s\", \"kind\": \"created\", \"text\": \"Buyer wrote in chat.\"},\n"
           "        {\"at\": \"%s\", \"kind\": \"message\", \"text\": \"非常抱歉给您带来不便，"
           "我们马上为您补发。\"}\n"
           "      ]\n    }",
           i, c_at, u_at, PICK (rand, names), PICK (rand, platforms), i,
           g_rand_int_range (rand, 0, 10000), g_rand_int_range (rand, 0, 10000),
           g_rand_int_range (rand, 1000, 9999), i, PICK (rand, products),
           g_rand_int_range (rand, 500, 100000), PICK (rand, categories), PICK (rand, stages),
           i, due, PICK (rand, kinds), g_rand_int_range (rand, 100, 20000),
           g_rand_int_range (rand, 100, 20000), i, u_at, due, c_at, u_at);
}

static void
write_entry (FILE  *out,
             GRand *rand,
             guint  i)
{
  char added[32];

  time_string (added, 1700000000 + g_rand_int_range (rand, 0, 60 * 60 * 24 * 700));
  fprintf (out,
           "    {\"uid\": \"bl-%08u\", \"platform\": \"%s\", \"buyer_id\": \"dy_%u\", "
           "\"nickname\": \"Ｂｕｙｅｒ%u\", \"phone\": \"+86 13%u-%04u-%04u\", \"name\": \"\", "
           "\"reason\": \"%s\", \"evidence\": \"Chat screenshots saved; 差评要挟退款。\", "
           "\"case_uids\": [], \"added_at\": \"%s\", \"active\": %s}",
           i, PICK (rand, platforms), 88000000 + i, i, g_rand_int_range (rand, 0, 10),
           (i / 10000) % 10000, i % 10000, PICK (rand, reasons), added,
           i % 17 == 0 ? "false" : "true");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  guint n_cases, n_entries;
  FILE *out;

  if (argc != 4)
    {
      g_printerr ("usage: %s CASES ENTRIES FILE\n", argv[0]);
      return 2;
    }
  n_cases = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  n_entries = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  out = fopen (argv[3], "w");
  if (out == NULL)
    {
      g_printerr ("%s: %s\n", argv[3], g_strerror (errno));
      return 1;
    }

  fputs ("{\n  \"format\": \"compdesk-export\",\n  \"version\": 1,\n"
         "  \"exported_at\": \"2026-11-24T00:00:00Z\",\n"
         "  \"shop\": {\"name\": \"Benchmark Shop\", \"currency\": \"CNY\"},\n"
         "  \"cases\": [\n", out);
  for (guint i = 0; i < n_cases; i++)
    {
      write_case (out, rand, i);
      fputs (i + 1 < n_cases ? ",\n" : "\n", out);
    }
  fputs ("  ],\n  \"blacklist\": [\n", out);
  for (guint i = 0; i < n_entries; i++)
    {
      write_entry (out, rand, i);
      fputs (i + 1 < n_entries ? ",\n" : "\n", out);
    }
  fputs ("  ],\n  \"templates\": []\n}\n", out);

  if (fclose (out) != 0)
    {
      g_printerr ("%s: %s\n", argv[3], g_strerror (errno));
      return 1;
    }
  return 0;
}
