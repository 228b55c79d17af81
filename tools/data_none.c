/* data_none.c - no compiled model, price list or themes: the tables the
 * loaders look in, for the generator itself (tools/data2c.c), which loads
 * everything from its file. */
#include "config.h"

#include <stddef.h>

#include "model.h"
#include "pricing.h"
#include "theme.h"

const struct model_builtin model_builtins[] = { { NULL, NULL } };
const struct pricing_builtin pricing_builtins[] = { { NULL, NULL } };
const struct theme_builtin theme_builtins[] = { { NULL, NULL } };
