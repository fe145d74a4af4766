target_sources(flowscope-core PRIVATE
    health/agenthealth.h
    health/alert.h
    health/alertevent.cpp health/alertevent.h
    health/healthmonitor.cpp health/healthmonitor.h
    health/healthpolicy.h
    health/healthstate.cpp health/healthstate.h
    health/healthtimer.cpp health/healthtimer.h
)
