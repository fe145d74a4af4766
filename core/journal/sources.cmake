target_sources(flowscope-core PRIVATE
    journal/eventwriter.cpp journal/eventwriter.h
    journal/jobcheckpoint.h
    journal/journal.cpp journal/journal.h
    journal/journalcodec.cpp journal/journalcodec.h
    journal/journalreader.cpp journal/journalreader.h
    journal/journalschema.cpp journal/journalschema.h
    journal/journalwriter.cpp journal/journalwriter.h
    journal/recordwriter.cpp journal/recordwriter.h
    journal/retentiontask.cpp journal/retentiontask.h
    journal/walcheckpointer.cpp journal/walcheckpointer.h
)
# The event insert path binds through SQLite's C API on Qt's connection (journal/eventwriter.h).
find_package(SQLite3 REQUIRED)
target_link_libraries(flowscope-core PRIVATE SQLite::SQLite3)
