// server.properties for one combined broker+controller node of the local cluster.
import { HOST } from './ports.ts'

export interface NodeSpec {
  id: number
  /** PLAINTEXT listener for clients and inter-broker traffic. */
  port: number
  /** CONTROLLER listener for the KRaft quorum. */
  controllerPort: number
  /** This node's log.dirs (also holds the __cluster_metadata log). */
  dataDir: string
}

export function serverProperties (node: NodeSpec, all: NodeSpec[], authorizer: boolean): string {
  const count = all.length
  const internalRf = Math.min(3, count)
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    // Dynamic quorum (KIP-853): storage is formatted with --standalone or
    // --initial-controllers, so controller.quorum.voters must stay unset.
    'controller.quorum.bootstrap.servers': all.map((n) => `${HOST}:${String(n.controllerPort)}`).join(','),
    'listeners': `PLAINTEXT://${HOST}:${String(node.port)},CONTROLLER://${HOST}:${String(node.controllerPort)}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${String(node.port)},CONTROLLER://${HOST}:${String(node.controllerPort)}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': node.dataDir,

    // Tests create every topic explicitly and must see the same defaults everywhere.
    'auto.create.topics.enable': false,
    'num.partitions': 1,
    'default.replication.factor': count === 3 ? 3 : 1,
    'min.insync.replicas': 1,

    // Internal topics must fit the cluster size, and a consumer group must not
    // wait the default 3 s before its first rebalance.
    'group.initial.rebalance.delay.ms': 0,
    'offsets.topic.replication.factor': internalRf,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': internalRf,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 10,
    'share.coordinator.state.topic.replication.factor': internalRf,
    'share.coordinator.state.topic.min.isr': 1,

    // Small segments keep throwaway data dirs small.
    'log.segment.bytes': 16 * 1024 * 1024,
  }
  if (authorizer) {
    // The ACL admin APIs (and Confluent v3 ACL endpoints) need an authorizer;
    // allow-by-default keeps every other test unaffected, and the controller
    // listener's ANONYMOUS principal must stay a super user.
    settings['authorizer.class.name'] = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'
    settings['allow.everyone.if.no.acl.found'] = true
    settings['super.users'] = 'User:ANONYMOUS'
  }
  return Object.entries(settings).map(([key, value]) => `${key}=${String(value)}`).join('\n') + '\n'
}
