target_sources(flowscope-core PRIVATE
    metrics/histogram.cpp metrics/histogram.h
    metrics/metricscollector.cpp metrics/metricscollector.h
    metrics/metricsquery.cpp metrics/metricsquery.h
    metrics/metricsrollup.h
    metrics/metricsseries.cpp metrics/metricsseries.h
    metrics/metricsstats.cpp metrics/metricsstats.h
    metrics/metricssummary.cpp metrics/metricssummary.h
)
