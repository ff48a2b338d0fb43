import cassandra from 'cassandra-driver';

const { Client, policies, types } = cassandra;
export type CqlClient = InstanceType<typeof Client>;

/** Where the cluster is and how to talk to it. */
export interface CassandraEndpoint {
  contactPoints: string[];
  localDataCenter: string;
  /** `LOCAL_QUORUM`, `QUORUM`, `ONE`, ...; lightweight transactions use the matching SERIAL level. */
  consistency?: string;
}

const CONSISTENCY: Record<string, number> = {
  ONE: types.consistencies.one,
  LOCAL_ONE: types.consistencies.localOne,
  QUORUM: types.consistencies.quorum,
  LOCAL_QUORUM: types.consistencies.localQuorum,
  EACH_QUORUM: types.consistencies.eachQuorum,
  ALL: types.consistencies.all,
};

/**
 * A driver client with Parley's settings: token-aware routing over DC-aware round robin in the
 * local data center, prepared statements, 64-bit ids as BigInt (never a JS number), fast
 * reconnection. `keyspace` is left out for bootstrap work (creating the keyspace).
 */
export function createClient(o: CassandraEndpoint, keyspace?: string): CqlClient {
  const consistency = CONSISTENCY[o.consistency ?? 'LOCAL_QUORUM'] ?? types.consistencies.localQuorum;
  const global = consistency === types.consistencies.quorum || consistency === types.consistencies.all;
  return new Client({
    contactPoints: o.contactPoints,
    localDataCenter: o.localDataCenter,
    ...(keyspace ? { keyspace } : {}),
    encoding: { useBigIntAsLong: true, useUndefinedAsUnset: true },
    policies: {
      loadBalancing: new policies.loadBalancing.TokenAwarePolicy(
        new policies.loadBalancing.DCAwareRoundRobinPolicy(o.localDataCenter),
      ),
      reconnection: new policies.reconnection.ExponentialReconnectionPolicy(250, 2000, false),
    },
    queryOptions: {
      prepare: true,
      consistency,
      serialConsistency: global ? types.consistencies.serial : types.consistencies.localSerial,
    },
    socketOptions: { connectTimeout: 3000, readTimeout: 8000 },
    protocolOptions: { maxSchemaAgreementWaitSeconds: 20 },
  });
}
