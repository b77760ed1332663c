"""DMS task settings (aws_dms_sct.md §6): the shape of §6.6 with the plan's choices filled in."""

from __future__ import annotations


def task_settings(plan, lob_max_kb: int) -> dict:
    mt = plan.options.migration_type
    cdc = mt == "full-load-and-cdc"
    has_lobs = lob_max_kb is not None
    return {
        "TargetMetadata": {
            "TargetSchema": "",
            "SupportLobs": True,
            "FullLobMode": False,
            "LobChunkSize": 64,
            "LimitedSizeLobMode": True,
            "LobMaxSize": int(lob_max_kb or 32),
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
            "StopTaskCachedChangesApplied": cdc,
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
            "HandleCollationDiff": plan.a.target.family == "postgresql" and plan.a.source.family == "sqlserver",
            "SkipLobColumns": False, "ValidationPartialLobSize": 0, "ValidationOnly": False,
        },
    }
