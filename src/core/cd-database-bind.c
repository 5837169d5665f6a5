/* cd-database-bind.c — binding values to the named parameters of prepared statements
 *
 * SQLite finds a named parameter by walking the statement's parameters and comparing each
 * name, which for a 25-column insert is a good part of the insert. The index found for a
 * statement and a name is remembered, per thread, and checked each time it is used: the
 * cached index must still carry that name in that statement, so a statement finalised and
 * another prepared at its address cannot mislead it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cd-database"

#include "config.h"

#include <string.h>

#include "cd-database.h"

#define SLOTS 1024  /* a power of two */

typedef struct
{
  sqlite3_stmt *stmt;
  const char   *name;
  int           index;
} Slot;

static _Thread_local Slot slots[SLOTS];

static int
parameter_index (sqlite3_stmt *stmt,
                 const char   *name)
{
  guintptr hash = ((guintptr) stmt >> 4) * 31 + ((guintptr) name >> 2);
  Slot *slot = &slots[hash & (SLOTS - 1)];
  int index;

  if (slot->stmt == stmt && slot->name == name)
    {
      const char *at = sqlite3_bind_parameter_name (stmt, slot->index);

      if (at != NULL && strcmp (at, name) == 0)
        return slot->index;
    }

  index = sqlite3_bind_parameter_index (stmt, name);
  if (index == 0)
    {
      g_critical ("No parameter %s in: %s", name, sqlite3_sql (stmt));
      return 0;
    }
  slot->stmt = stmt;
  slot->name = name;
  slot->index = index;
  return index;
}

static void
bind_text (sqlite3_stmt            *stmt,
           const char              *name,
           const char              *value,
           sqlite3_destructor_type  copy)
{
  sqlite3_bind_text (stmt, parameter_index (stmt, name), value != NULL ? value : "", -1, copy);
}

void
cd_database_bind_text (sqlite3_stmt *stmt,
                       const char   *name,
                       const char   *value)
{
  bind_text (stmt, name, value, SQLITE_TRANSIENT);
}

/**
 * cd_database_bind_text_static:
 * @value: (nullable): text that stays as it is until the statement has been stepped and
 *   released
 *
 * Like cd_database_bind_text(), without SQLite copying @value: for the bulk of an import.
 */
void
cd_database_bind_text_static (sqlite3_stmt *stmt,
                              const char   *name,
                              const char   *value)
{
  bind_text (stmt, name, value, SQLITE_STATIC);
}

void
cd_database_bind_int64 (sqlite3_stmt *stmt,
                        const char   *name,
                        gint64        value)
{
  sqlite3_bind_int64 (stmt, parameter_index (stmt, name), value);
}

void
cd_database_bind_null (sqlite3_stmt *stmt,
                       const char   *name)
{
  sqlite3_bind_null (stmt, parameter_index (stmt, name));
}
