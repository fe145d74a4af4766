#include "health/healthmonitor.h"
