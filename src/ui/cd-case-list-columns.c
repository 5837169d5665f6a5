/* cd-case-list-columns.c — the case list's columns: titles, widths, and what each row shows
 *
 * The titles are a GtkColumnView without rows (sorting by a title, resizing, the sort
 * arrows); each row of the list below it is one CdCaseRow, which draws the eight texts under
 * the titles (cd-case-row.c says why). Here: the columns' titles and sorters, their widths
 * from the list's font, and the texts, colours and screen-reader label of each row.
 *
 * GTK 4.8 does not say which column the user sorted by (GtkColumnViewSorter's getters came in
 * 4.10). Each column therefore gets a CdColumnSorter that knows its CdCaseSort; when the
 * column view's sorter changes, the view asks it to compare two placeholder objects, and the
 * first column sorter it consults writes its key where the view said (cd-case-list-view.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-case-list-columns"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cd-case-list-columns.h"
#include "cd-case-row.h"
#include "cd-format.h"
#include "cd-money.h"
#include "cd-table-cell.h"
#include "cd-time.h"

/* Across a column title, on both sides of its text (Adwaita's) */
#define CELL_PADDING 12

typedef enum
{
  COLUMN_BUYER,
  COLUMN_PLATFORM,
  COLUMN_ORDER,
  COLUMN_CATEGORY,
  COLUMN_SEVERITY,
  COLUMN_STAGE,
  COLUMN_PROMISED_BY,
  COLUMN_TOTAL,
  N_COLUMNS
} Column;

static const struct {
  const char *title;
  CdCaseSort  sort;
  int         min_chars;
} columns[N_COLUMNS] = {
  [COLUMN_BUYER] = { N_("Buyer"), CD_SORT_BUYER, 10 },
  [COLUMN_PLATFORM] = { N_("Platform"), CD_SORT_PLATFORM, 7 },
  [COLUMN_ORDER] = { N_("Order"), CD_SORT_ORDER, 10 },
  [COLUMN_CATEGORY] = { N_("Category"), CD_SORT_CATEGORY, 10 },
  [COLUMN_SEVERITY] = { N_("Severity"), CD_SORT_SEVERITY, 6 },
  [COLUMN_STAGE] = { N_("Stage"), CD_SORT_STAGE, 8 },
  [COLUMN_PROMISED_BY] = { N_("Promised By"), CD_SORT_PROMISED_BY, 14 },
  [COLUMN_TOTAL] = { N_("Compensation"), CD_SORT_TOTAL, 8 },
};

/* CdColumnSorter: a sorter that sorts nothing and says which column it belongs to. */

#define CD_TYPE_COLUMN_SORTER (cd_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (CdColumnSorter, cd_column_sorter, CD, COLUMN_SORTER, GtkSorter)

struct _CdColumnSorter
{
  GtkSorter   parent_instance;

  CdCaseSort  sort;
  CdCaseSort *probe;  /* where compare() writes its key while the view probes */
};

G_DEFINE_FINAL_TYPE (CdColumnSorter, cd_column_sorter, GTK_TYPE_SORTER)

static GtkOrdering
cd_column_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  CdColumnSorter *self = CD_COLUMN_SORTER (sorter);

  *self->probe = self->sort;
  return GTK_ORDERING_LARGER;
}

static GtkSorterOrder
cd_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
cd_column_sorter_class_init (CdColumnSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = cd_column_sorter_compare;
  sorter_class->get_order = cd_column_sorter_get_order;
}

static void
cd_column_sorter_init (CdColumnSorter *self)
{
}

/* CdCaseListColumns */

struct _CdCaseListColumns
{
  GtkColumnView *titles;          /* weak: the view owns it */
  char          *currency;
  GHashTable    *shared_layouts;
  /* Translated once (gettext takes a lock and reads the environment each call; binding a
   * row made 25 calls): each column's cell prefix for screen readers ("Buyer: ") and the
   * labels of the enum columns, indexed by value. */
  char          *cell_prefixes[N_COLUMNS];
  const char    *cell_suffixes[N_COLUMNS];   /* in cell_prefixes' strings */
  const char    *separator;
  GPtrArray     *labels[N_COLUMNS];
};


static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CdCaseListColumns        *self)
{
  /* The columns of a few labels each share their layouts among the rows. */
  guint labels = (1u << COLUMN_PLATFORM) | (1u << COLUMN_CATEGORY) | (1u << COLUMN_SEVERITY) |
                 (1u << COLUMN_STAGE);

  gtk_list_item_set_child (list_item, cd_case_row_new (self->titles, 1u << COLUMN_TOTAL,
                                                       labels, self->shared_layouts));
}

static void
translate_labels (CdCaseListColumns *self)
{
  const struct { Column column; GType type; } enums[] = {
    { COLUMN_PLATFORM, CD_TYPE_PLATFORM }, { COLUMN_CATEGORY, CD_TYPE_CATEGORY },
    { COLUMN_SEVERITY, CD_TYPE_SEVERITY }, { COLUMN_STAGE, CD_TYPE_STAGE },
  };

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      /* Translators: how a screen reader reads one cell of a row of the case list, as
       * "Buyer: Dana White" */
      g_autofree char *prefix = g_strdup_printf (C_("cell", "%s: %s"), _(columns[column].title),
                                                 "\x01");
      char *text = strchr (prefix, '\x01');

      /* What comes before the text and after it, in the translation's order. */
      *text = '\0';
      self->cell_suffixes[column] = text + 1;
      self->cell_prefixes[column] = g_steal_pointer (&prefix);
    }
  /* Translators: between the cells of a row of the case list, as a screen reader reads it
   * ("Buyer: Dana White, Platform: JD") */
  self->separator = C_("cells", ", ");
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      GPtrArray *labels = g_ptr_array_new ();

      for (guint value = 0; value < cd_enum_get_n_values (enums[i].type); value++)
        g_ptr_array_add (labels, (gpointer) cd_enum_get_label (enums[i].type, (int) value));
      self->labels[enums[i].column] = labels;
    }
}

static const char *
enum_label (CdCaseListColumns *self,
            Column             column,
            int                value)
{
  GPtrArray *labels = self->labels[column];

  return value >= 0 && (guint) value < labels->len ? g_ptr_array_index (labels, value) : "";
}

static char *
cell_text (CdCaseListColumns *self,
           CdCaseSummary     *summary,
           Column             column)
{
  switch (column)
    {
    case COLUMN_BUYER:
      return g_strdup (summary->customer_name);
    case COLUMN_PLATFORM:
      return g_strdup (enum_label (self, column, summary->platform));
    case COLUMN_ORDER:
      return g_strdup (summary->order_number);
    case COLUMN_CATEGORY:
      return g_strdup (enum_label (self, column, summary->category));
    case COLUMN_SEVERITY:
      return g_strdup (enum_label (self, column, summary->severity));
    case COLUMN_STAGE:
      return g_strdup (enum_label (self, column, summary->stage));
    case COLUMN_PROMISED_BY:
      {
        gint64 due = summary->promised_by;

        /* Once the remedy is carried out, what is due next is the follow-up. */
        if (due == CD_TIME_UNSET || summary->stage >= CD_STAGE_FOLLOW_UP)
          due = summary->next_follow_up;
        if (due == CD_TIME_UNSET)
          return g_strdup ("");
        if (summary->overdue)
          {
            g_autofree char *when = cd_format_time (due);
            /* Translators: in the case list; %s is a date and time */
            return g_strdup_printf (_("Overdue · %s"), when);
          }
        return cd_format_time (due);
      }
    case COLUMN_TOTAL:
      return summary->compensation_total > 0
             ? cd_money_format (summary->compensation_total, self->currency) : g_strdup ("");
    case N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CdCaseListColumns        *self)
{
  CdCaseSummary *summary = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  g_autoptr(GString) label = g_string_new (NULL);
  char **texts = g_new0 (char *, N_COLUMNS + 1);
  guint error_cells = 0;

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      texts[column] = cell_text (self, summary, column);
      if (texts[column][0] == '\0')
        continue;
      if (label->len > 0)
        g_string_append (label, self->separator);
      g_string_append (label, self->cell_prefixes[column]);
      g_string_append (label, texts[column]);
      g_string_append (label, self->cell_suffixes[column]);
    }
  if (summary->overdue)
    error_cells = (1u << COLUMN_PROMISED_BY) | (1u << COLUMN_BUYER);
  cd_case_row_set_cells (CD_CASE_ROW (row), texts, error_cells, label->str);
}

/* Each column at least as wide as its usual text, in the list's font (the rows do not measure
 * their texts, so the columns keep their widths as rows come and go); all share what is left
 * of a wider window, and a narrower one scrolls across. A column the user drags to another
 * width keeps it until the font changes. */
void
cd_case_list_columns_update_widths (CdCaseListColumns *self,
                                    PangoContext      *context)
{
  const CdFontMetrics *metrics = cd_font_metrics_get (context);
  GListModel *view_columns = gtk_column_view_get_columns (self->titles);

  for (guint i = 0; i < g_list_model_get_n_items (view_columns) && i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (view_columns, i);

      gtk_column_view_column_set_fixed_width (view_column,
                                              PANGO_PIXELS_CEIL (columns[i].min_chars *
                                                                 metrics->char_width) +
                                              CELL_PADDING);
    }
}

static void
add_columns (CdCaseListColumns *self,
             CdCaseSort        *probe)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      CdColumnSorter *sorter = g_object_new (CD_TYPE_COLUMN_SORTER, NULL);

      sorter->sort = columns[column].sort;
      sorter->probe = probe;

      /* No factory: the column view only shows the titles. */
      view_column = gtk_column_view_column_new (_(columns[column].title), NULL);
      gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, TRUE);
      gtk_column_view_append_column (self->titles, view_column);
      g_object_unref (sorter);
    }
}

/**
 * cd_case_list_columns_new:
 * @titles: the column view of the titles, without rows; the columns are added to it
 * @probe: where a column's sorter writes its key when the view probes the sort order
 *
 * Returns: (transfer full): the columns
 */
CdCaseListColumns *
cd_case_list_columns_new (GtkColumnView *titles,
                          CdCaseSort    *probe)
{
  CdCaseListColumns *self = g_new0 (CdCaseListColumns, 1);

  self->titles = titles;
  self->currency = g_strdup ("CNY");
  self->shared_layouts = cd_case_row_new_shared_layouts ();
  translate_labels (self);
  add_columns (self, probe);
  return self;
}

void
cd_case_list_columns_free (CdCaseListColumns *self)
{
  g_free (self->currency);
  g_hash_table_unref (self->shared_layouts);
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_free (self->cell_prefixes[column]);
      g_clear_pointer (&self->labels[column], g_ptr_array_unref);
    }
  g_free (self);
}

/**
 * cd_case_list_columns_new_factory:
 *
 * Returns: (transfer full): a factory of the list's rows: a CdCaseRow each, bound to a
 *   CdCaseSummary
 */
GtkListItemFactory *
cd_case_list_columns_new_factory (CdCaseListColumns *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  return factory;
}

/* The currency of the amounts of rows bound from now on */
void
cd_case_list_columns_set_currency (CdCaseListColumns *self,
                                   const char        *currency)
{
  g_free (self->currency);
  self->currency = g_strdup (currency);
}
