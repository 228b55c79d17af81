/* data_none.c - no shipped files compiled in: the tables the loaders
 * look in, for the generator itself (tools/data2c.c), which loads
 * everything from its file. */
#include "config.h"

#include <stddef.h>

#include "model.h"
#include "pricing.h"
#include "theme.h"
#include "ydoc.h"

const struct ydoc_builtin ydoc_builtins[] = { { NULL, NULL, 0 } };

const struct model_builtin model_builtins[] = { { NULL, NULL } };
const struct pricing_builtin pricing_builtins[] = { { NULL, NULL } };
const struct theme_builtin theme_builtins[] = { { NULL, NULL } };
