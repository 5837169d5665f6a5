/* cd-bench-parse.c — the floor of an import: json-glib parsing the file and nothing else
 *
 * Usage: cd-bench-parse FILE
 *
 * Parses the file the way the importer does (mapped, json_parser_new) and exits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return 2;
    }
  mapped = g_mapped_file_new (argv[1], FALSE, &error);
  parser = json_parser_new ();
  if (mapped == NULL ||
      !json_parser_load_from_data (parser, g_mapped_file_get_contents (mapped),
                                   (gssize) g_mapped_file_get_length (mapped), &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  return 0;
}
