/* cd-wizard-private.h — what cd-wizard.c and cd-wizard-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cd-wizard.h"

G_BEGIN_DECLS

struct _CdWizard
{
  AdwWindow              parent_instance;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkScrolledWindow     *step_scroller;
  GtkBox                *step_bar;
  GtkRevealer           *blacklist_revealer;
  GtkLabel              *blacklist_title;
  GtkLabel              *blacklist_body;
  GtkScrolledWindow     *page_scroller;
  GtkStack              *stack;
  CdMessageBox          *message_box;
  GtkLabel              *saved_label;
  GtkWidget             *next_button;
  GtkWidget             *done_button;
  CdWizardStep          *step_listen;
  CdWizardStep          *step_confirm;
  CdWizardStep          *step_apologise;
  CdWizardStep          *step_propose;
  CdWizardStep          *step_agree;
  CdWizardStep          *step_carry_out;
  CdWizardStep          *step_follow_up;
  CdWizardStep          *step_improve;

  /* Borrowed: template children */
  CdWizardStep          *steps[CD_WIZARD_N_STEPS];
  GtkWidget             *step_buttons[CD_WIZARD_N_STEPS];

  /* Owned */
  CdDatabase            *db;
  CdCaseRepository      *cases;
  CdBlacklistRepository *blacklist;   /* NULL: no look-ups */
  CdTemplateRepository  *templates;
  char                  *currency;
  char                  *shop_name;
  CdCase                *kase;        /* NULL when the case could not be opened */

  int                    current;     /* the step shown, -1 before the first */
  gboolean               dirty;       /* the case holds changes not yet saved */
  gint64                 saved_at;
  guint                  blacklist_timeout;
  guint                  scroll_idle;   /* brings the current step's button into view */
  gboolean               discarding;  /* the seller chose to close without saving */
};

int        _cd_wizard_max_reached        (CdWizard      *self);
gboolean   _cd_wizard_is_finished        (CdWizard      *self);
void       _cd_wizard_show_toast         (CdWizard      *self,
                                          const char    *text);
void       _cd_wizard_show_save_error    (CdWizard      *self,
                                          const GError  *error);
void       _cd_wizard_update_navigation  (CdWizard      *self);
gboolean   _cd_wizard_save_case          (CdWizard      *self,
                                          gboolean       even_if_new,
                                          GError       **error);
gboolean   _cd_wizard_set_stage          (CdWizard      *self,
                                          CdStage        stage,
                                          GError       **error);
void       _cd_wizard_render_message     (CdWizard      *self);
void       _cd_wizard_go_to              (CdWizard      *self,
                                          int            index);
void       _cd_wizard_set_current_step   (CdWizard      *self,
                                          int            index);

/* cd-wizard-actions.c */
void       _cd_wizard_class_add_actions  (GtkWidgetClass *widget_class);
void       _cd_wizard_add_shortcuts      (CdWizard      *self);
GtkWidget *_cd_wizard_create_step_button (int            index);
gboolean   _cd_wizard_close_request      (GtkWindow     *window);

G_END_DECLS
