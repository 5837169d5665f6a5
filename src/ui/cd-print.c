/* cd-print.c — a one-page written response to the buyer, printed or saved as PDF
 *
 * The page follows the rules for written responses: it could be made public, it says what
 * happened without saying what the buyer did wrong, and it says exactly what happens next
 * and by when. "Print to File" in the print dialog saves it as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-format.h"
#include "cd-money.h"
#include "cd-print.h"
#include "cd-time.h"

#define MARGIN_PT 0.0   /* the print context's page already leaves the printer's margins */
#define BODY_FONT "Sans 10.5"
#define HEADING_FONT "Sans Bold 11.5"
#define TITLE_FONT "Sans Bold 18"
#define SMALL_FONT "Sans 9"

typedef struct
{
  CdCase *kase;
  char   *shop_name;
  char   *currency;
} PrintJob;

/* Helpers */

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->kase);
  g_free (job->shop_name);
  g_free (job->currency);
  g_free (job);
}

static PrintJob *
print_job_new (CdCase     *kase,
               const char *shop_name,
               const char *currency)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->kase = g_object_ref (kase);
  job->shop_name = g_strdup (shop_name != NULL ? shop_name : "");
  job->currency = g_strdup (currency);
  return job;
}

/* Draws @text from @y down and returns the y below it. */
static double
draw_block (cairo_t    *cr,
            double      width,
            double      y,
            const char *font,
            const char *text,
            double      space_after)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int text_height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, MARGIN_PT, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);
  pango_font_description_free (description);
  g_object_unref (layout);
  return y + (double) text_height / PANGO_SCALE + space_after;
}

static gboolean
is_agreed (CdCompensation *c)
{
  return c->status == CD_COMPENSATION_ACCEPTED || c->status == CD_COMPENSATION_DONE;
}

static char *
describe_remedy (CdCompensation *c,
                 const char     *currency)
{
  GString *out = g_string_new ("•  ");

  g_string_append (out, cd_enum_get_label (CD_TYPE_COMPENSATION_KIND, c->kind));
  if (c->amount > 0)
    {
      g_autofree char *amount = cd_money_format (c->amount, currency);

      g_string_append_printf (out, " — %s", amount);
    }
  if (c->status == CD_COMPENSATION_DONE)
    {
      g_autofree char *when = cd_format_date (c->done_at);

      /* Translators: after a remedy on the printed response; %s is a date */
      g_string_append_printf (out, _(" (done on %s)"), when);
    }
  if (*c->reference != '\0')
    /* Translators: after a remedy on the printed response; %s is a tracking or refund number */
    g_string_append_printf (out, _(", reference %s"), c->reference);
  return g_string_free (out, FALSE);
}

static char *
describe_plan (CdCase     *kase,
               const char *currency)
{
  GString *out = g_string_new (NULL);
  gboolean any_agreed = FALSE;

  for (guint i = 0; i < kase->compensations->len; i++)
    any_agreed = any_agreed || is_agreed (g_ptr_array_index (kase->compensations, i));
  for (guint i = 0; i < kase->compensations->len; i++)
    {
      CdCompensation *c = g_ptr_array_index (kase->compensations, i);
      g_autofree char *line = NULL;

      if (any_agreed ? !is_agreed (c) : c->status != CD_COMPENSATION_OFFERED)
        continue;
      line = describe_remedy (c, currency);
      g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", line);
    }
  if (out->len == 0)
    g_string_append (out, _("We will contact you shortly with a solution."));
  if (kase->promised_by != CD_TIME_UNSET)
    {
      g_autofree char *when = cd_format_time (kase->promised_by);

      g_string_append (out, "\n\n");
      if (*kase->promise != '\0')
        /* Translators: on the printed response; the promise, then a date and time */
        g_string_append_printf (out, _("Our promise: %s, by %s."), kase->promise, when);
      else
        /* Translators: on the printed response; %s is a date and time */
        g_string_append_printf (out, _("We will have this done by %s."), when);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_order (CdCase     *kase,
                const char *currency)
{
  GString *out = g_string_new (NULL);

  if (*kase->order_number != '\0')
    /* Translators: on the printed response */
    g_string_append_printf (out, _("Order %s"), kase->order_number);
  if (*kase->product != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", kase->product);
  if (kase->order_amount > 0)
    {
      g_autofree char *amount = cd_money_format (kase->order_amount, currency);

      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", amount);
    }
  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * cd_print_draw_case:
 * @width: the width to fill, in the units of @cr (points on paper)
 *
 * Draws the response to the buyer, from the top left of @cr.
 */
void
cd_print_draw_case (cairo_t    *cr,
                    double      width,
                    double      height,
                    CdCase     *kase,
                    const char *shop_name,
                    const char *currency)
{
  g_autofree char *today = cd_format_date (cd_time_now ());
  g_autofree char *greeting = NULL;
  g_autofree char *order = describe_order (kase, currency);
  g_autofree char *plan = describe_plan (kase, currency);
  g_autofree char *contact = NULL;
  const char *happened = *kase->summary != '\0' ? kase->summary : kase->description;
  double y = 0;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  y = draw_block (cr, width, y, TITLE_FONT, shop_name != NULL && *shop_name != '\0'
                                            ? shop_name : _("Our shop"), 2);
  y = draw_block (cr, width, y, SMALL_FONT, today, 24);
  /* Translators: the greeting of the printed response; %s is the buyer's name */
  greeting = g_strdup_printf (_("Dear %s,"), *kase->customer_name != '\0'
                                              ? kase->customer_name : _("customer"));
  y = draw_block (cr, width, y, BODY_FONT, greeting, 6);
  if (*order != '\0')
    y = draw_block (cr, width, y, SMALL_FONT, order, 18);
  y = draw_block (cr, width, y, BODY_FONT,
                  _("Thank you for telling us about the problem, and we are sorry for the "
                    "trouble it has caused you."), 18);
  y = draw_block (cr, width, y, HEADING_FONT, _("What happened"), 4);
  y = draw_block (cr, width, y, BODY_FONT, *happened != '\0' ? happened : "—", 18);
  y = draw_block (cr, width, y, HEADING_FONT, _("What we will do"), 4);
  y = draw_block (cr, width, y, BODY_FONT, plan, 24);
  /* Translators: the closing line of the printed response; %s is an order number */
  contact = *kase->order_number != '\0'
            ? g_strdup_printf (_("If anything is unclear, message us on the platform and quote "
                                 "order %s. We will answer within one working day."),
                               kase->order_number)
            : g_strdup (_("If anything is unclear, message us on the platform. We will answer "
                          "within one working day."));
  y = draw_block (cr, width, y, BODY_FONT, contact, 12);
  draw_block (cr, width, y, BODY_FONT, shop_name != NULL ? shop_name : "", 0);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cd_print_draw_case (gtk_print_context_get_cairo_context (context),
                      gtk_print_context_get_width (context),
                      gtk_print_context_get_height (context),
                      job->kase, job->shop_name, job->currency);
}

static GtkPrintOperation *
create_operation (CdCase     *kase,
                  const char *shop_name,
                  const char *currency)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = print_job_new (kase, shop_name, currency);
  g_autofree char *name = NULL;

  /* Translators: the default file name when the response is saved as PDF; %s is the buyer */
  name = g_strdup_printf (_("Response to %s"), *kase->customer_name != '\0'
                                               ? kase->customer_name : _("the buyer"));
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), NULL);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) print_job_free, 0);
  return operation;
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Printing Failed"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (operation);
}

/**
 * cd_print_run_dialog:
 * @operation: (transfer full): the print operation, set up
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog for @operation and drops it once done; a failure is told in a
 * dialog. "Print to File" saves a PDF.
 */
void
cd_print_run_dialog (GtkPrintOperation *operation,
                     GtkWindow         *parent)
{
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), parent);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_debug ("Printing did not start: %s", error->message);
}

/**
 * cd_print_case:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog for the response to the buyer; "Print to File" saves a PDF.
 */
void
cd_print_case (GtkWindow  *parent,
               CdCase     *kase,
               const char *shop_name,
               const char *currency)
{
  cd_print_run_dialog (create_operation (kase, shop_name, currency), parent);
}

/**
 * cd_print_case_to_pdf:
 * @path: where to write the PDF
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cd_print_case_to_pdf (CdCase      *kase,
                      const char  *shop_name,
                      const char  *currency,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = create_operation (kase, shop_name, currency);

  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
