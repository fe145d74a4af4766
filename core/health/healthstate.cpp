#include "health/healthstate.h"
