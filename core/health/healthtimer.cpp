#include "health/healthtimer.h"
