/* cd-date-time-edit.c — a local date and time, picked from a calendar and two spin buttons
 *
 * The wizard's deadline and return visit, and the follow-up dialog's due and done times, all
 * edit a time this way. The widget shows local time and holds UTC microseconds (cd-time.h);
 * a time set from code is kept exactly until the person changes the date, hour or minute,
 * so "now" stays now rather than now rounded down to the minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-date-time-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-date-time-edit.h"
#include "cd-time.h"

struct _CdDateTimeEdit
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;

  gint64         time;
  gboolean       showing;   /* the widgets are being set from self->time */
};

G_DEFINE_FINAL_TYPE (CdDateTimeEdit, cd_date_time_edit, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Returns: the local date and time the widgets show, as UTC microseconds */
static gint64
read_widgets (CdDateTimeEdit *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) local = NULL;

  local = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                                 g_date_time_get_day_of_month (date),
                                 gtk_spin_button_get_value_as_int (self->hour_spin),
                                 gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  if (local == NULL)
    return CD_TIME_UNSET;
  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

static void
show_time (CdDateTimeEdit *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->time / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *label = NULL;

  if (utc == NULL)
    return;
  local = g_date_time_to_local (utc);
  self->showing = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  self->showing = FALSE;
  /* Translators: the date on the button that opens a calendar, as strftime() takes it,
   * e.g. "%Y年%-m月%-d日 %A" in Chinese */
  label = g_date_time_format (local, C_("date button", "%a %-d %b %Y"));
  gtk_menu_button_set_label (self->date_button, label);
}

/* Signal callbacks */

static void
on_changed_cb (CdDateTimeEdit *self)
{
  gint64 usec;

  if (self->showing)
    return;
  usec = read_widgets (self);
  if (usec != CD_TIME_UNSET)
    cd_date_time_edit_set_time (self, usec);
}

/* "09" rather than "9": the spin buttons read as a clock. */
static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* GtkWidget overrides */

/* A row whose activatable widget this is opens the calendar, as it would a menu button. */
static gboolean
cd_date_time_edit_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  CdDateTimeEdit *self = CD_DATE_TIME_EDIT (widget);

  return gtk_widget_mnemonic_activate (GTK_WIDGET (self->date_button), group_cycling);
}

static gboolean
cd_date_time_edit_grab_focus (GtkWidget *widget)
{
  CdDateTimeEdit *self = CD_DATE_TIME_EDIT (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->date_button));
}

/* GObject overrides */

static void
cd_date_time_edit_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CD_TYPE_DATE_TIME_EDIT);
  /* The colon between the spin buttons is not bound, so the template leaves it behind. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cd_date_time_edit_parent_class)->dispose (object);
}

static void
cd_date_time_edit_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CdDateTimeEdit *self = CD_DATE_TIME_EDIT (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_date_time_edit_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CdDateTimeEdit *self = CD_DATE_TIME_EDIT (object);

  switch (prop_id)
    {
    case PROP_TIME:
      cd_date_time_edit_set_time (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_date_time_edit_class_init (CdDateTimeEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_date_time_edit_dispose;
  object_class->get_property = cd_date_time_edit_get_property;
  object_class->set_property = cd_date_time_edit_set_property;
  widget_class->mnemonic_activate = cd_date_time_edit_mnemonic_activate;
  widget_class->grab_focus = cd_date_time_edit_grab_focus;

  /**
   * CdDateTimeEdit:time:
   *
   * The instant shown, in UTC microseconds since the epoch.
   */
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/com/example/CompDesk/ui/cd-date-time-edit.ui");
  gtk_widget_class_bind_template_child (widget_class, CdDateTimeEdit, date_button);
  gtk_widget_class_bind_template_child (widget_class, CdDateTimeEdit, calendar);
  gtk_widget_class_bind_template_child (widget_class, CdDateTimeEdit, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CdDateTimeEdit, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cd-date-time-edit");
}

static void
cd_date_time_edit_init (CdDateTimeEdit *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->time = cd_time_now ();
  show_time (self);
}

/* Public API */

GtkWidget *
cd_date_time_edit_new (void)
{
  return g_object_new (CD_TYPE_DATE_TIME_EDIT, NULL);
}

/* Returns: the instant shown, as UTC microseconds; never CD_TIME_UNSET */
gint64
cd_date_time_edit_get_time (CdDateTimeEdit *self)
{
  g_return_val_if_fail (CD_IS_DATE_TIME_EDIT (self), 0);

  return self->time;
}

/**
 * cd_date_time_edit_set_time:
 * @usec: UTC microseconds; CD_TIME_UNSET and other times before the epoch are ignored
 */
void
cd_date_time_edit_set_time (CdDateTimeEdit *self,
                            gint64          usec)
{
  g_return_if_fail (CD_IS_DATE_TIME_EDIT (self));

  if (usec < 0 || usec == self->time)
    return;
  self->time = usec;
  show_time (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}
