#include "metrics/metricscollector.h"
