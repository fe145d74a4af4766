target_sources(flowscope-core PRIVATE
    journal/jobcheckpoint.h
    journal/journal.cpp journal/journal.h
)
