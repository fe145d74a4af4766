target_sources(flowscope-core PRIVATE
    trace/chrometrace.cpp trace/chrometrace.h
    trace/jobeventselection.cpp trace/jobeventselection.h
    trace/jobtracesource.cpp trace/jobtracesource.h
)
