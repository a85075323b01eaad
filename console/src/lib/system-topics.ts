/**
 * Kafka's own topics (__consumer_offsets) and, by convention, those whose name
 * starts with '_' (the gateway's _gateway_state, Schema Registry's _schemas)
 * belong to infrastructure: the console lists them only on request and never
 * offers to delete them.
 */
export function isSystemTopic (topic: { name: string, internal: boolean }): boolean {
  return topic.internal || topic.name.startsWith('_')
}
