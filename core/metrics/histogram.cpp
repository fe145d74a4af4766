#include "metrics/histogram.h"
