#pragma once

namespace flowscope {

struct EngineConfig
{
    int workers = 2;                  // agents in the shared pool
    int maxFinishedJobs = 1000;       // finished jobs kept queryable...
    int finishedJobTtlSeconds = 3600; // ...and for at most this long
    int eventHistory = 100000;        // events kept for traces and replay
    int heartbeatIntervalMs = 1000;   // agents beat this often (at least 100)
    int failedAfterHeartbeats = 3;    // an agent silent this many intervals is FAILED
    int checkpointIntervalMs = 2000;  // running jobs are checkpointed this often (with a journal)
    int journalRetentionDays = 30;
    bool monitoring = true;
};

} // namespace flowscope
