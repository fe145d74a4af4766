#include "metrics/metricssummary.h"
