from migplan.analyze.actions.base import Rule


class KeyspaceReplication(Rule):
    """Keyspace replication: what the SCT clone data center needs, and what DynamoDB replicates itself.

    What it detects:
        Each ``CREATE KEYSPACE`` with its replication strategy.

    Why it matters:
        SCT's data extraction agent reads a clone data center added to the cluster, not production
        nodes. A keyspace reaches a new data center only with ``NetworkTopologyStrategy`` naming it;
        with ``SimpleStrategy`` replicas ignore data centers, so the keyspace must be switched first
        (and repaired) before the clone is built. On the DynamoDB side there is no keyspace:
        tables are per account and Region, replicated across Availability Zones by DynamoDB; several
        Cassandra data centers serving several Regions correspond to global tables.

    Example:
        CREATE KEYSPACE killrvideo WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3};

    Typical rewrite:
        Before adding the clone data center:

        ALTER KEYSPACE killrvideo WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'clone_dc': 1};

    Effort:
        Simple: a keyspace change and a repair, done by the Cassandra operators.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/agents.cassandra.html
        (clone data center),
        https://cassandra.apache.org/doc/latest/cassandra/architecture/dynamo.html (replication strategies),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html
    """

    code = "DDB018"
    name = "keyspace-replication"
    category = "DMS readiness"
    severity = "low"
    effort = "simple"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("keyspace",)

    def check(self, obj, ctx):
        rep = obj.attrs.get("replication")
        if not isinstance(rep, dict):
            return
        cls = str(rep.get("class", "")).rsplit(".", 1)[-1]
        dcs = sorted(k for k in rep if k not in ("class", "replication_factor"))
        if cls == "SimpleStrategy":
            yield ctx.hit(self, obj, obj.location.line, f"keyspace {obj.name} replicates with SimpleStrategy: SCT's "
                          "clone data center receives it only with NetworkTopologyStrategy naming that data center; "
                          "switch it before building the clone")
        elif cls == "NetworkTopologyStrategy" and not dcs:
            yield ctx.hit(self, obj, obj.location.line, f"keyspace {obj.name} gives only a replication_factor: it "
                          "covers the data centers that existed when the keyspace was created; name SCT's clone data "
                          "center in its replication before building the clone")
        elif len(dcs) > 1:
            yield ctx.hit(self, obj, obj.location.line, f"keyspace {obj.name} is replicated to data centers "
                          f"{', '.join(dcs)}: DynamoDB replicates within a Region itself; serving several Regions "
                          "is a global table")
