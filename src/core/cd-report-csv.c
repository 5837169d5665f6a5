/* cd-report-csv.c — a report's tables as one CSV file
 *
 * One file with sections, so that one export is one thing to send or open. It starts with a
 * UTF-8 byte-order mark (Excel and WPS read the Chinese labels right only with it), and then
 * each table is: a row with its title alone, a header row, its rows, and one empty line
 * before the next title. The tables, in this order:
 *
 *   Report             Period from, to (local dates, the last one included)
 *   Summary            Figure, Value
 *   Cost per month     Month, Kind, Cost (CUR)           one row per month and kind with a cost
 *   Cases per category Category, Cases
 *   Cases per root cause  Root cause, Cases
 *   Satisfaction per month  Month, Scores, Average, 1, 2, 3, 4, 5
 *
 * RFC 4180 otherwise: CRLF after every record, fields quoted when they need it, quotes
 * doubled. Names are the translated labels a person reads in the view; every text field is
 * neutralised against formulas (cd-csv.c), numbers are written plain with a dot for the
 * decimal point (money in major units, "12.50"), so a spreadsheet can add them up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-report-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cd-csv.h"
#include "cd-enums.h"
#include "cd-money.h"
#include "cd-report-csv.h"

#define HOUR_USEC ((gint64) 3600 * G_USEC_PER_SEC)

/* Appends one record; @texts says which fields are text to neutralise (the rest are numbers). */
static void
append_record (GString            *out,
               const char * const *fields,
               const gboolean     *texts)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      cd_csv_append_field (out, fields[i], texts == NULL || texts[i]);
    }
  g_string_append (out, "\r\n");
}

static void
append_title (GString    *out,
              const char *title,
              gboolean    first)
{
  const char *fields[] = { title, NULL };

  if (!first)
    g_string_append (out, "\r\n");
  append_record (out, fields, NULL);
}

static void
append_figure (GString    *out,
               const char *name,
               const char *value)
{
  const char *fields[] = { name, value, NULL };
  static const gboolean texts[] = { TRUE, FALSE };

  append_record (out, fields, texts);
}

static void
append_count (GString    *out,
              const char *name,
              gint64      count)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  append_figure (out, name, value);
}

static char *
format_date (const CdReport *report,
             gint64          usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, report->zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
format_average (double average)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", average));
}

static void
append_period (GString        *out,
               const CdReport *report)
{
  g_autofree char *from = format_date (report, report->from);
  g_autofree char *to = format_date (report, MAX (report->to - 1, report->from));
  const char *fields[] = { _("Period"), from, to, NULL };
  static const gboolean texts[] = { TRUE, FALSE, FALSE };

  append_title (out, _("Report"), TRUE);
  append_record (out, fields, texts);
}

static void
append_summary (GString        *out,
                const CdReport *report,
                const char     *currency)
{
  const char *header[] = { _("Figure"), _("Value"), NULL };
  g_autofree char *cost = cd_money_format_plain (report->total_cost, currency);
  /* Translators: a row of the exported report; %s is a currency code such as CNY */
  g_autofree char *cost_name = g_strdup_printf (_("Compensation cost (%s)"), currency);
  gint64 tenths = (report->median_time_to_close + HOUR_USEC / 20) / (HOUR_USEC / 10);
  g_autofree char *median = g_strdup_printf ("%" G_GINT64_FORMAT ".%d", tenths / 10,
                                             (int) (tenths % 10));
  g_autofree char *average = format_average (report->satisfaction.average);

  append_title (out, _("Summary"), FALSE);
  append_record (out, header, NULL);
  append_figure (out, cost_name, cost);
  append_count (out, _("Cases"), report->n_cases);
  append_count (out, _("Closed"), report->n_closed);
  append_figure (out, _("Median hours to close"), report->n_closed > 0 ? median : "");
  append_count (out, _("Promises kept"), report->promises_kept);
  append_count (out, _("Promises late"), report->promises_late);
  append_count (out, _("Promises pending"), report->promises_pending);
  append_count (out, _("Follow-ups with a score"), report->satisfaction.count);
  append_figure (out, _("Average satisfaction"),
                 report->satisfaction.count > 0 ? average : "");
}

/* The label of @key in @type, or @key itself when it is none of the type's nicks. */
static const char *
label_of (GType       type,
          const char *key)
{
  int value = 0;

  return cd_enum_from_nick (type, key, &value) ? cd_enum_get_label (type, value) : key;
}

static void
append_costs (GString        *out,
              const CdReport *report,
              const char     *currency)
{
  /* Translators: a column of the exported report; %s is a currency code such as CNY */
  g_autofree char *cost_name = g_strdup_printf (_("Cost (%s)"), currency);
  const char *header[] = { _("Month"), _("Kind"), cost_name, NULL };
  static const gboolean texts[] = { FALSE, TRUE, FALSE };

  append_title (out, _("Cost per month"), FALSE);
  append_record (out, header, NULL);
  for (guint i = 0; i < report->cost_by_month_kind->len; i++)
    {
      const CdReportCostRow *row = g_ptr_array_index (report->cost_by_month_kind, i);
      g_autofree char *cost = cd_money_format_plain (row->cost, currency);
      const char *fields[] = { row->month, label_of (CD_TYPE_COMPENSATION_KIND, row->kind),
                               cost, NULL };

      append_record (out, fields, texts);
    }
}

static void
append_counts (GString    *out,
               const char *title,
               const char *name,
               GPtrArray  *rows,
               GType       type)
{
  const char *header[] = { name, _("Cases"), NULL };

  append_title (out, title, FALSE);
  append_record (out, header, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const CdReportCountRow *row = g_ptr_array_index (rows, i);

      append_count (out, label_of (type, row->key), row->count);
    }
}

static void
append_satisfaction (GString        *out,
                     const CdReport *report)
{
  const char *header[] = { _("Month"), _("Scores"), _("Average"), "1", "2", "3", "4", "5",
                           NULL };

  append_title (out, _("Satisfaction per month"), FALSE);
  append_record (out, header, NULL);
  for (guint i = 0; i < report->satisfaction_by_month->len; i++)
    {
      const CdReportSatisfaction *row = g_ptr_array_index (report->satisfaction_by_month, i);
      char *numbers[7];
      const char *fields[9];

      numbers[0] = g_strdup_printf ("%" G_GINT64_FORMAT, row->count);
      numbers[1] = format_average (row->average);
      for (guint score = 0; score < 5; score++)
        numbers[2 + score] = g_strdup_printf ("%" G_GINT64_FORMAT, row->distribution[score]);
      fields[0] = row->month;
      for (guint j = 0; j < 7; j++)
        fields[1 + j] = numbers[j];
      fields[8] = NULL;
      append_record (out, fields, (const gboolean[]) { FALSE, FALSE, FALSE, FALSE, FALSE,
                                                       FALSE, FALSE, FALSE });
      for (guint j = 0; j < 7; j++)
        g_free (numbers[j]);
    }
}

/**
 * cd_report_csv_format:
 * @currency: the shop's currency, ISO 4217; money is written in its major unit
 *
 * Returns: (transfer full): the whole file, byte-order mark included
 */
char *
cd_report_csv_format (const CdReport *report,
                      const char     *currency)
{
  GString *out = g_string_new (CD_CSV_BOM);

  g_return_val_if_fail (report != NULL, NULL);

  if (currency == NULL)
    currency = "";
  append_period (out, report);
  append_summary (out, report, currency);
  append_costs (out, report, currency);
  append_counts (out, _("Cases per category"), _("Category"), report->cases_by_category,
                 CD_TYPE_CATEGORY);
  append_counts (out, _("Cases per root cause"), _("Root cause"), report->cases_by_root_cause,
                 CD_TYPE_ROOT_CAUSE);
  append_satisfaction (out, report);
  return g_string_free (out, FALSE);
}

/**
 * cd_report_csv_export_to_file:
 * @path: the file to write
 *
 * Writes cd_report_csv_format() to @path, beside it first and moved into place only when
 * complete, so a failed export leaves any older file whole.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cd_report_csv_export_to_file (const CdReport  *report,
                              const char      *currency,
                              const char      *path,
                              GError         **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = cd_report_csv_format (report, currency);
  if (!g_file_set_contents (path, text, -1, error))
    {
      /* Translators: %s is a file name */
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}
