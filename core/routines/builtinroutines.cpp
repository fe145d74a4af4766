#include "routines/builtinroutines.h"

#include "routines/failroutine.h"
#include "routines/fanoutroutine.h"
#include "routines/joinroutine.h"
#include "routines/scriptroutine.h"
#include "routines/workroutine.h"
#include "runtime/routineregistry.h"

namespace flowscope {

void registerBuiltinRoutines(RoutineRegistry &registry)
{
    using T = ConfigField::Type;
    registry.addClass<ScriptRoutine>(
        QStringLiteral("flowscope.Script"),
        QStringLiteral(
            "Runs a JavaScript handler: function (data, ctx, slot) { ctx.emit('out', data) }. "
            "No file or network access."),
        {{QStringLiteral("handler"),
          T::String,
          true,
          QStringLiteral("JavaScript function expression (data, ctx, slot)"),
          {}},
         {QStringLiteral("slots"), T::Array, false, QStringLiteral("input slot names"),
          QJsonArray{QStringLiteral("in")}},
         {QStringLiteral("events"), T::Array, false, QStringLiteral("output event names"),
          QJsonArray{QStringLiteral("out")}}});
    registry.addClass<WorkRoutine>(
        QStringLiteral("flowscope.Work"),
        QStringLiteral(
            "Simulated work in steps, pausable and cancellable at every step; passes its "
            "input on to 'out'."),
        {{QStringLiteral("duration_ms"), T::Number, false, QStringLiteral("total run time"), 1000},
         {QStringLiteral("steps"), T::Integer, false,
          QStringLiteral("checkpoints and progress reports"), 10},
         {QStringLiteral("emit_each_step"), T::Bool, false,
          QStringLiteral(
              "emit {step, steps, data} on 'out' at every step instead of once at the end"),
          false},
         {QStringLiteral("job_progress"), T::Bool, false,
          QStringLiteral("report the step fraction as the job's progress"), false},
         {QStringLiteral("result"),
          T::Object,
          false,
          QStringLiteral("fields merged into every output"),
          {}}});
    registry.addClass<FanOutRoutine>(
        QStringLiteral("flowscope.FanOut"),
        QStringLiteral(
            "One input to N outputs: 'count' items {index, count, data} on 'out', or the "
            "input once on each of 'events'."),
        {{QStringLiteral("count"), T::Integer, false, QStringLiteral("items to emit on 'out'"), 2},
         {QStringLiteral("events"),
          T::Array,
          false,
          QStringLiteral("emit once on each of these events"),
          {}}});
    registry.addClass<JoinRoutine>(
        QStringLiteral("flowscope.Join"),
        QStringLiteral("Waits for 'count' inputs on 'in', then emits {count, items} on 'out'. "
                       "count 0: the 'count' field of the FanOut items."),
        {{QStringLiteral("count"), T::Integer, false, QStringLiteral("inputs to wait for"), 0}});
    registry.addClass<FailRoutine>(
        QStringLiteral("flowscope.Fail"),
        QStringLiteral(
            "Error injection: fails with 'probability', else passes its input on to 'out'."),
        {{QStringLiteral("probability"), T::Number, false, QStringLiteral("0..1"), 1.0},
         {QStringLiteral("message"), T::String, false, QStringLiteral("error message"),
          QStringLiteral("injected failure")}});
}

} // namespace flowscope
