/**
 * v3 topic configs: list, get, set, reset, and `configs:alter` for several
 * at once (contracts.md §4). Setting and resetting answer 204.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import type { ClusterContext } from '../cluster-context.ts'
import { topicConfigData } from '../mapping.ts'
import { collection } from '../resources.ts'
import { AlterConfigsBody, Collection, TopicConfigData, TopicConfigParams, TopicParams, UpdateConfigBody, v3Errors } from '../schemas.ts'

const tags = ['Confluent v3']

export function registerTopicConfigRoutes (app: FastifyInstance, gateway: Gateway, context: ClusterContext): void {
  async function configOf (topic: string, name: string) {
    const found = (await gateway.admin.describeTopicConfigs(topic)).find(c => c.name === name)
    if (!found) throw new GatewayError('config_not_found', `topic ${topic} has no config ${name}; GET …/topics/${topic}/configs lists them`, { field: 'name' })
    return found
  }

  app.get<{ Params: Static<typeof TopicParams> }>('/clusters/:cluster_id/topics/:topic_name/configs', {
    schema: { summary: 'List topic configs', tags, params: TopicParams, response: { 200: Collection(TopicConfigData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const topic = request.params.topic_name
    const configs = await gateway.admin.describeTopicConfigs(topic)
    return collection('KafkaTopicConfigList', links.at('topics', topic, 'configs'), configs.map(c => topicConfigData(links, topic, c)))
  })

  app.get<{ Params: Static<typeof TopicConfigParams> }>('/clusters/:cluster_id/topics/:topic_name/configs/:name', {
    schema: { summary: 'Get a topic config', tags, params: TopicConfigParams, response: { 200: TopicConfigData, ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    return topicConfigData(links, request.params.topic_name, await configOf(request.params.topic_name, request.params.name))
  })

  app.put<{ Params: Static<typeof TopicConfigParams>, Body: Static<typeof UpdateConfigBody> }>('/clusters/:cluster_id/topics/:topic_name/configs/:name', {
    schema: { summary: 'Set a topic config', tags, params: TopicConfigParams, body: UpdateConfigBody, response: { 204: Type.Null(), ...v3Errors } },
    config: { access: { operation: 'admin', resource: 'topic', from: 'topic_name' } },
  }, async (request, reply) => {
    await context.links(request, request.params.cluster_id)
    await gateway.admin.alterTopicConfigs(request.params.topic_name, [{ name: request.params.name, value: request.body.value }], false)
    return reply.code(204).send()
  })

  app.delete<{ Params: Static<typeof TopicConfigParams> }>('/clusters/:cluster_id/topics/:topic_name/configs/:name', {
    schema: { summary: 'Reset a topic config to its default', tags, params: TopicConfigParams, response: { 204: Type.Null(), ...v3Errors } },
    config: { access: { operation: 'admin', resource: 'topic', from: 'topic_name' } },
  }, async (request, reply) => {
    await context.links(request, request.params.cluster_id)
    await gateway.admin.alterTopicConfigs(request.params.topic_name, [{ name: request.params.name, value: null }], false)
    return reply.code(204).send()
  })

  // `configs:alter` — the colon is literal (`::` in a Fastify path).
  app.post<{ Params: Static<typeof TopicParams>, Body: Static<typeof AlterConfigsBody> }>('/clusters/:cluster_id/topics/:topic_name/configs::alter', {
    schema: { summary: 'Set or reset several topic configs', tags, params: TopicParams, body: AlterConfigsBody, response: { 204: Type.Null(), ...v3Errors } },
    config: { access: { operation: 'admin', resource: 'topic', from: 'topic_name' } },
  }, async (request, reply) => {
    await context.links(request, request.params.cluster_id)
    const changes = request.body.data.map((c, i) => {
      const reset = c.operation?.toUpperCase() === 'DELETE'
      if (!reset && (c.value === undefined || c.value === null)) throw new GatewayError('invalid_request', `data[${i}] sets ${c.name} but has no value; give a value or operation DELETE`, { field: `data[${i}].value` })
      return { name: c.name, value: reset ? null : c.value! }
    })
    await gateway.admin.alterTopicConfigs(request.params.topic_name, changes, request.body.validate_only === true)
    return reply.code(204).send()
  })
}
