// The table behind GET /api/openapi.json: every route of the endpoint and the schemas of its
// bodies. tst_openapi fails when a route registered with the server is missing here.
#include "openapitable.h"

namespace flowscope::OpenApiTable {

const QList<Operation> &operations()
{
    static const char *const none = nullptr;
    static const QList<Operation> table{
        // Service
        {"GET", "/api/health", "service", "Liveness, version and uptime", 200, "Health", none,
         none},
        {"GET", "/api/openapi.json", "service", "This document", 200, "object", none, none},
        {"GET", "/api/classes", "service", "Routine classes and their config fields", 200,
         "ClassList", none, none},
        {"GET", "/metrics", "service", "Prometheus text exposition of the engine's counters", 200,
         "string", none, none, "text/plain; version=0.0.4; charset=utf-8"},
        // Flows
        {"GET", "/api/flows", "flows", "Every registered flow", 200, "FlowList", none, none},
        {"POST", "/api/flows", "flows", "Register a flow (409 when its id exists)", 201, "Flow",
         "FlowDsl|FlowEnvelope", none, none, "application/json|application/yaml"},
        {"POST", "/api/flows/validate", "flows", "Check a flow without registering it", 200,
         "Validation", "FlowDsl|FlowEnvelope", none, none, "application/json|application/yaml"},
        {"GET", "/api/flows/{flow_id}", "flows", "One flow", 200, "Flow", none, none},
        {"DELETE", "/api/flows/{flow_id}", "flows",
         "Remove a flow (204, no body; 409 while jobs of it are unfinished)", 204, none, none,
         none},
        {"POST", "/api/flows/{flow_id}/validate", "flows", "Check a registered flow", 200,
         "Validation", none, none},
        {"GET", "/api/flows/{flow_id}/export", "flows", "The flow as loadable DSL", 200, "FlowDsl",
         none, "format:string", "application/json|application/yaml; charset=utf-8"},
        {"GET", "/api/flows/{flow_id}/dsl", "flows",
         "The flow's DSL as text (Routilux; format yaml by default)", 200, "FlowDslText", none,
         "format:string"},
        {"GET", "/api/flows/{flow_id}/metrics", "metrics", "Metrics of every job of a flow", 200,
         "Metrics", none, "from:string to:string step:integer"},
        {"POST", "/api/flows/{flow_id}/breakpoints", "debugging",
         "A breakpoint for every job of the flow", 201, "Breakpoint", "BreakpointCreate", none},
        {"GET", "/api/flows/{flow_id}/breakpoints", "debugging", "The flow's breakpoints", 200,
         "BreakpointList", none, none},
        {"PUT", "/api/flows/{flow_id}/breakpoints/{breakpoint_id}", "debugging",
         "Enable or disable a flow's breakpoint", 200, "Breakpoint", none, "enabled:boolean"},
        {"DELETE", "/api/flows/{flow_id}/breakpoints/{breakpoint_id}", "debugging",
         "Remove a flow's breakpoint", 200, "BreakpointDeleted", none, none},
        // Jobs
        {"POST", "/api/jobs", "jobs", "Start a job", 201, "Job", "JobCreate", none},
        {"GET", "/api/jobs", "jobs", "Jobs, newest first, filtered and paged", 200, "JobList", none,
         "flow_id:string status:string limit:integer offset:integer"},
        {"GET", "/api/jobs/interrupted", "persistence",
         "Jobs a previous process left unfinished (journal)", 200, "InterruptedJobList", none,
         none},
        {"GET", "/api/jobs/{job_id}", "jobs", "One job", 200, "Job", none, none},
        {"GET", "/api/jobs/{job_id}/status", "jobs", "A job's status and progress", 200,
         "JobStatus", none, none},
        {"GET", "/api/jobs/{job_id}/state", "jobs",
         "A job's full state: routine states, pending activations, history", 200, "JobState", none,
         none},
        {"GET", "/api/jobs/{job_id}/logs", "jobs", "A job's log events, oldest first, paged", 200,
         "LogPage", none, "limit:integer offset:integer level:string"},
        {"GET", "/api/jobs/{job_id}/trace", "jobs",
         "A job's events still in history; format=chrome: its Chrome trace (Perfetto)", 200,
         "Trace", none, "limit:integer format:string"},
        {"POST", "/api/jobs/{job_id}/pause", "jobs", "Pause a job", 200, "Job", none, none},
        {"POST", "/api/jobs/{job_id}/resume", "jobs", "Resume a paused job", 200, "Job", none,
         none},
        {"POST", "/api/jobs/{job_id}/cancel", "jobs", "Cancel a job", 200, "Job", none, none},
        {"GET", "/api/jobs/{job_id}/metrics", "metrics", "A job's metrics", 200, "Metrics", none,
         "from:string to:string step:integer"},
        {"GET", "/api/jobs/{job_id}/checkpoints", "persistence", "A job's checkpoints", 200,
         "CheckpointList", none, none},
        {"POST", "/api/jobs/{job_id}/checkpoints", "persistence", "Take a checkpoint now", 201,
         "Checkpoint", "CheckpointRequest", none},
        {"POST", "/api/jobs/{job_id}/resume-from", "persistence",
         "Run a job on from one of its checkpoints", 200, "Job", "ResumeFromRequest", none},
        {"POST", "/api/jobs/{job_id}/fork", "persistence", "A new job from a checkpoint", 201,
         "Job", "ForkRequest", none},
        // Debugging
        {"POST", "/api/jobs/{job_id}/breakpoints", "debugging", "A breakpoint for one job", 201,
         "Breakpoint", "BreakpointCreate", none},
        {"GET", "/api/jobs/{job_id}/breakpoints", "debugging", "The job's and its flow's", 200,
         "BreakpointList", none, none},
        {"PUT", "/api/jobs/{job_id}/breakpoints/{breakpoint_id}", "debugging",
         "Enable or disable a breakpoint", 200, "Breakpoint", none, "enabled:boolean"},
        {"DELETE", "/api/jobs/{job_id}/breakpoints/{breakpoint_id}", "debugging",
         "Remove a breakpoint", 200, "BreakpointDeleted", none, none},
        {"GET", "/api/jobs/{job_id}/debug/session", "debugging", "The job's debug session", 200,
         "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/resume", "debugging", "Run to the next breakpoint", 200,
         "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/continue", "debugging", "Same as resume", 200,
         "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/pause", "debugging", "Pause a running job", 200,
         "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/step-over", "debugging", "Step over", 200,
         "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/step_over", "debugging", "Step over (Routilux name)",
         200, "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/step-into", "debugging", "Step into", 200,
         "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/step_into", "debugging", "Step into (Routilux name)",
         200, "DebugSession", none, none},
        {"POST", "/api/jobs/{job_id}/debug/step-out", "debugging", "Step out", 200, "DebugSession",
         none, none},
        {"POST", "/api/jobs/{job_id}/debug/step_out", "debugging", "Step out (Routilux name)", 200,
         "DebugSession", none, none},
        {"GET", "/api/jobs/{job_id}/debug/variables", "debugging", "Variables of a frame", 200,
         "Variables", none, "frame:integer"},
        {"PUT", "/api/jobs/{job_id}/debug/variables/{name}", "debugging", "Set a variable", 200,
         "Variables", "VariableSet", none},
        {"GET", "/api/jobs/{job_id}/debug/call-stack", "debugging", "The causal call stack", 200,
         "CallStack", none, none},
        {"POST", "/api/jobs/{job_id}/debug/evaluate", "debugging",
         "Evaluate an expression in a frame", 200, "EvaluateResult", "EvaluateRequest", none},
        // Health
        {"GET", "/api/agents", "health", "Every agent's health", 200, "AgentList", none, none},
        {"GET", "/api/agents/{name}", "health", "One agent's health", 200, "Agent", none, none},
        // External agents (docs/agents.md)
        {"POST", "/api/ingest", "agents", "A batch of one external agent's messages", 200,
         "IngestReply", "IngestBatch", none},
        {"GET", "/api/external-agents", "agents", "Every external agent", 200, "ExternalAgentList",
         none, none},
        {"GET", "/api/external-agents/{name}", "agents", "One external agent", 200, "ExternalAgent",
         none, none},
        {"POST", "/api/agents/{name}/pause", "agents", "Pause an external agent", 200,
         "ExternalAgent", none, none},
        {"POST", "/api/agents/{name}/resume", "agents", "Resume an external agent", 200,
         "ExternalAgent", none, none},
        {"POST", "/api/agents/{name}/cancel", "agents", "Cancel an external agent", 200,
         "ExternalAgent", none, none},
        {"PUT", "/api/agents/{name}/breakpoints", "agents",
         "The checkpoints an external agent stops at", 200, "ExternalAgent", "checkpoints:[string]",
         none},
        {"GET", "/api/alerts", "health", "Health alerts, newest first", 200, "AlertList", none,
         "limit:integer level:string since:string until:string"},
        {"GET", "/api/metrics/summary", "metrics", "The engine's metrics", 200, "Metrics", none,
         "from:string to:string step:integer"},
        {"GET", "/api/reports/health", "health", "The health report", 200, "string", none,
         "format:string",
         "application/json|text/markdown; charset=utf-8|text/html; charset=utf-8|application/pdf"},
        // Streams
        {"GET", "/api/events/stream", "streams", "The engine's events as Server-Sent Events", 200,
         "string", none, "msg_types:string agents:string job:string routine:string since:integer",
         "text/event-stream"},
        {"GET", "/api/events/stream/status", "streams", "Open event streams", 200, "StreamStatus",
         none, none},
        {"GET", "/api/messages/stream/", "streams", "The event stream at the SWF path", 200,
         "string", none, "msg_types:string agents:string job:string routine:string since:integer",
         "text/event-stream"},
        {"GET", "/api/messages/stream/status/", "streams", "Open event streams (SWF path)", 200,
         "StreamStatus", none, none},
        // WebSockets
        {"GET", "/api/ws/{channel}", "websockets",
         "A WebSocket path asked without an upgrade: 400 naming it", 400, none, none, none},
        {"GET", "/api/ws/jobs/{job_id}/monitor", "websockets",
         "WebSocket: one job's events (docs/api.md)", 101, none, none, none},
        {"GET", "/api/ws/jobs/{job_id}/debug", "websockets",
         "WebSocket: a debugger for one job (docs/api.md)", 101, none, none, none},
        {"GET", "/api/ws/agents", "websockets",
         "WebSocket: external agents report and hear their control (docs/agents.md)", 101, none,
         none, "token:string"},
        {"GET", "/api/ws/console", "websockets",
         "WebSocket: the console protocol (docs/protocol.md)", 101, none, none, "token:string"},
        {"GET", "/api/ws/flows/{flow_id}/monitor", "websockets",
         "WebSocket: the events of every job of a flow (docs/api.md)", 101, none, none,
         "since:integer"},
    };
    return table;
}

const QList<Schema> &schemas()
{
    static const QList<Schema> table{
        {"Error", "detail:string error:ErrorBody", "The one error envelope of every failure"},
        {"ErrorBody", "status:integer message:string", "The status again, and the message"},
        {"Health", "status:string version:string uptime_s:number", ""},
        {"ClassList", "classes:[RoutineClass] total:integer", ""},
        {"RoutineClass", "name:string description:string config_fields:[ConfigField]", ""},
        {"ConfigField", "name:string type:string required:boolean description:string default:any",
         ""},
        {"Routine",
         "routine_id:string class_name:string slots:[string] events:[string] config:object "
         "agent:string?",
         ""},
        {"Connection",
         "connection_id:string source_routine:string source_event:string target_routine:string "
         "target_slot:string",
         ""},
        {"Flow",
         "flow_id:string description:string routines:object connections:[Connection] "
         "execution_strategy:string max_workers:integer timeout:number entry:string? "
         "variables:object source:string?",
         "A registered flow; routines maps each id to a Routine"},
        {"FlowList", "flows:[Flow] total:integer", ""},
        {"FlowDsl",
         "flow_id:string description:string routines:object connections:[object] execution:object "
         "entry:string variables:object",
         "A flow in the DSL form of docs/flows.md: routines {id: {class, config?, agent?}}, "
         "connections [{from: \"routine.event\", to: \"routine.slot\"}]"},
        {"FlowEnvelope",
         "flow_id:string dsl_dict:FlowDsl dsl:string execution_strategy:string max_workers:integer",
         "Routilux's form: the flow as dsl_dict, or as YAML or JSON text in dsl; the other fields "
         "fill in what the DSL leaves out"},
        {"FlowDslText", "flow_id:string format:string dsl:string", ""},
        {"Validation", "valid:boolean flow_id:string? issues:[Issue]", ""},
        {"Issue", "path:string message:string routine:string? severity:string",
         "severity error makes a flow invalid; warning does not"},
        {"JobCreate",
         "flow_id:string entry_routine_id:string? entry_slot:string? entry_params:object? "
         "timeout:number?",
         ""},
        {"Job",
         "job_id:string flow_id:string status:string progress:number created_at:string? "
         "started_at:string? completed_at:string? error:string? entry_routine_id:string? "
         "entry_slot:string? entry_params:object variables:object activations_done:integer "
         "activations_pending:integer",
         "Times are ISO 8601 UTC; status pending, running, paused, completed, failed or "
         "cancelled"},
        {"JobList", "jobs:[Job] total:integer limit:integer offset:integer", ""},
        {"JobStatus", "job_id:string status:string progress:number error:string?", ""},
        {"JobState",
         "job_id:string flow_id:string status:string progress:number created_at:string? "
         "started_at:string? completed_at:string? error:string? entry_routine_id:string? "
         "entry_slot:string? entry_params:object variables:object shared_data:object "
         "activations_done:integer activations_pending:integer activations_running:integer "
         "current_routine_id:string? stop:object? routine_states:object "
         "pending_activations:[PendingActivation] execution_history:[ExecutionRecord] "
         "execution_history_total:integer",
         "routine_states maps each routine id to a RoutineState"},
        {"RoutineState",
         "status:string execution_count:integer error_count:integer running:integer "
         "pending:integer last_error:string? last_execution:string? variables:object",
         ""},
        {"PendingActivation",
         "activation_id:integer parent_activation_id:integer? routine_id:string slot:string "
         "data:any state:string",
         "state: queued, parked, held, stopped or waiting"},
        {"ExecutionRecord",
         "routine_id:string event_name:string data:any timestamp:string activation_id:integer", ""},
        {"Event",
         "seq:integer type:string msg_type:string time_ns:string timestamp:string "
         "duration_ns:integer job_id:string flow_id:string routine_id:string slot:string "
         "event:string agent:string activation_id:integer parent_activation_id:integer "
         "status:string data:any",
         "An engine event (docs/events.md); absent fields do not apply"},
        {"Trace", "events:[Event] total:integer",
         "Events carry event_id, event_type and duration (seconds) too"},
        {"LogPage", "job_id:string logs:[Event] total:integer limit:integer offset:integer",
         "Log events, with level and message at the top of each"},
        {"BreakpointCreate",
         "type:string routine_id:string slot_name:string event_name:string condition:string "
         "hit_condition:string log_message:string enabled:boolean",
         ""},
        {"Breakpoint",
         "breakpoint_id:string type:string routine_id:string slot_name:string event_name:string "
         "condition:string? hit_condition:string? log_message:string? enabled:boolean "
         "hit_count:integer last_error:string? job_id:string? flow_id:string",
         ""},
        {"BreakpointList", "breakpoints:[Breakpoint] total:integer", ""},
        {"BreakpointDeleted", "deleted:boolean breakpoint_id:string", ""},
        {"DebugSession",
         "job_id:string flow_id:string status:string paused:boolean stopped:boolean "
         "reason:string? breakpoint_id:string? activation_id:integer? routine_id:string? "
         "slot:string?",
         ""},
        {"Variables",
         "job_id:string frame:integer data:any routine_variables:object job_variables:object", ""},
        {"VariableSet", "value:any scope:string", "scope: data, routine or job"},
        {"Frame",
         "index:integer activation_id:integer? parent_activation_id:integer? routine_id:string? "
         "slot:string? data:any routine_variables:object known:boolean",
         ""},
        {"CallStack", "job_id:string frames:[Frame] total:integer", ""},
        {"EvaluateRequest", "expression:string frame_index:integer", ""},
        {"EvaluateResult", "result:any type:string error:string?", ""},
        {"Agent",
         "name:string state:string state_since:string? last_heartbeat:string? "
         "heartbeat_age_ms:integer beats:integer diagnosis:string? stuck_routine:string? "
         "stuck_for_ms:integer metadata:object external:boolean",
         ""},
        {"AgentList",
         "agents:[Agent] total:integer overall:string heartbeat_interval_ms:integer "
         "failed_after_ms:integer",
         ""},
        {"Alert",
         "alert_id:integer time:string level:string agent:string from:string to:string "
         "message:string diagnosis:string? routine:string? last_heartbeat:string?",
         ""},
        {"AlertList", "alerts:[Alert] total:integer source:string", ""},
        {"AgentControl",
         "paused:boolean cancelled:boolean reason:string breakpoints:[string] version:integer",
         "What an external agent must obey"},
        {"IngestBatch", "agent:string events:[object]",
         "1 to 1000 messages {type, ...}: register, heartbeat, event, progress, metric, "
         "variables, log, error, unregister (docs/agents.md)"},
        {"IngestReply",
         "agent:string accepted:integer control:AgentControl heartbeat_interval_ms:integer", ""},
        {"ExternalAgent",
         "name:string kind:string job_id:string? state:string node:string "
         "last_checkpoint:string progress:number registered:boolean connected:boolean "
         "registered_ms:integer last_seen_ms:integer messages:integer completed:integer "
         "failed:integer metadata:object variables:object control:AgentControl",
         ""},
        {"ExternalAgentList", "agents:[ExternalAgent] total:integer", ""},
        {"Metrics",
         "start_time:string? end_time:string? duration:number routine_metrics:object "
         "activations:integer error_count:integer success_rate:number error_rate:number "
         "throughput_per_s:number total_slot_calls:integer total_event_emits:integer "
         "percentiles:object durations_ms:object fields:object series:[object]",
         "Durations in seconds, percentiles in milliseconds (docs/api.md)"},
        {"CheckpointRequest", "timeout_ms:integer", ""},
        {"ResumeFromRequest", "checkpoint_id:integer", ""},
        {"ForkRequest", "checkpoint_id:integer variables:object", ""},
        {"Checkpoint",
         "checkpoint_id:integer job_id:string flow_id:string time:string reason:string "
         "status:string progress:number pending:integer activations_done:integer",
         ""},
        {"CheckpointList", "job_id:string checkpoints:[Checkpoint] total:integer", ""},
        {"InterruptedJob",
         "job_id:string flow_id:string status:string error:string? created_at:string? "
         "updated_at:string? completed_at:string? last_checkpoint_id:integer? "
         "forked_from:string? forked_checkpoint_id:integer?",
         ""},
        {"InterruptedJobList", "jobs:[InterruptedJob] total:integer", ""},
        {"StreamStatus", "count:integer clients:[object]", ""},
    };
    return table;
}

} // namespace flowscope::OpenApiTable
