"""DMS task settings: the documented sections and keys with the plan's choices filled in
(https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.html).

Two stops (StopTaskCachedChangesNotApplied and StopTaskCachedChangesApplied both true) are an
assumption: the DMS pages describe each on its own; the runbook says so and gives the one-stop
variant (``task_settings(..., stops=1)``)."""

from __future__ import annotations


def task_settings(plan, lob_max_kb: int | None, stops: int = 2) -> dict:
    """``stops``: 2 pauses before the cached changes (build indexes) and after them (add foreign keys);
    1 pauses only before them, and the foreign keys wait for cutover (they must stay off while the
    cached changes are applied)."""
    mt = plan.options.migration_type
    cdc = mt == "full-load-and-cdc"
    has_lobs = lob_max_kb is not None
    lob_max = int(lob_max_kb or 32)
    return {
        "TargetMetadata": {
            "TargetSchema": "",
            "SupportLobs": True,
            "FullLobMode": False,
            "LobChunkSize": 64,
            "LimitedSizeLobMode": True,
            "LobMaxSize": lob_max,
            "InlineLobMaxSize": 0,
            "LoadMaxFileSize": 0,
            "ParallelLoadThreads": 0,
            "ParallelLoadBufferSize": 0,
            # transactional apply keeps commit order, which the foreign keys added after cached changes need
            "BatchApplyEnabled": False,
            "TaskRecoveryTableEnabled": False,
        },
        "FullLoadSettings": {
            # the schema is created from the converted DDL before the task starts (§4.5)
            "TargetTablePrepMode": "DO_NOTHING",
            "CreatePkAfterFullLoad": False,
            "StopTaskCachedChangesNotApplied": cdc,
            "StopTaskCachedChangesApplied": cdc and stops == 2,
            "MaxFullLoadSubTasks": plan.options.max_subtasks,
            "TransactionConsistencyTimeout": 600,
            "CommitRate": 10000 if not has_lobs else 1000,
        },
        "Logging": {
            "EnableLogging": True,
            "LogComponents": [
                {"Id": c, "Severity": "LOGGER_SEVERITY_DEFAULT"}
                for c in ("SOURCE_UNLOAD", "SOURCE_CAPTURE", "TARGET_LOAD", "TARGET_APPLY", "TASK_MANAGER")
            ],
        },
        "ControlTablesSettings": {
            "ControlSchema": "", "HistoryTimeslotInMinutes": 5, "HistoryTableEnabled": False,
            "SuspendedTablesTableEnabled": False, "StatusTableEnabled": False,
        },
        "StreamBufferSettings": {"StreamBufferCount": 3, "StreamBufferSizeInMB": 8},
        "ChangeProcessingTuning": {
            "BatchApplyPreserveTransaction": True, "BatchApplyTimeoutMin": 1, "BatchApplyTimeoutMax": 30,
            "BatchApplyMemoryLimit": 500, "BatchSplitSize": 0, "MinTransactionSize": 1000, "CommitTimeout": 1,
            "MemoryLimitTotal": 1024, "MemoryKeepTime": 60, "StatementCacheSize": 50,
        },
        "ChangeProcessingDdlHandlingPolicy": {
            "HandleSourceTableDropped": True, "HandleSourceTableTruncated": True, "HandleSourceTableAltered": True,
        },
        "ErrorBehavior": {
            "DataErrorPolicy": "LOG_ERROR", "DataTruncationErrorPolicy": "LOG_ERROR",
            "DataErrorEscalationPolicy": "SUSPEND_TABLE", "DataErrorEscalationCount": 0,
            "TableErrorPolicy": "SUSPEND_TABLE", "TableErrorEscalationPolicy": "STOP_TASK",
            "TableErrorEscalationCount": 0, "RecoverableErrorCount": -1, "RecoverableErrorInterval": 5,
            "RecoverableErrorThrottling": True, "RecoverableErrorThrottlingMax": 1800,
            "ApplyErrorDeletePolicy": "IGNORE_RECORD", "ApplyErrorInsertPolicy": "LOG_ERROR",
            "ApplyErrorUpdatePolicy": "LOG_ERROR", "ApplyErrorEscalationPolicy": "LOG_ERROR",
            "ApplyErrorEscalationCount": 0, "FullLoadIgnoreConflicts": True,
        },
        "ValidationSettings": {
            "EnableValidation": True, "ValidationMode": "ROW_LEVEL", "ThreadCount": 5, "PartitionSize": 10000,
            "FailureMaxCount": 10000, "TableFailureMaxCount": 1000,
            # PostgreSQL and SQL Server order text differently; let validation allow for it
            "HandleCollationDiff": (plan.inputs.target.family == "postgresql"
                                    and plan.inputs.source.family == "sqlserver"),
            # limited LOB mode migrates the first LobMaxSize KB of each LOB: validate exactly that part
            # (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.LOBSupport.html)
            "SkipLobColumns": False, "ValidationPartialLobSize": lob_max if has_lobs else 0, "ValidationOnly": False,
        },
    }
