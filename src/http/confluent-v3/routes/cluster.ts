/**
 * v3 clusters, brokers and broker configs (contracts.md §4).
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import type { ClusterContext } from '../cluster-context.ts'
import { brokerConfigData, brokerData, clusterData } from '../mapping.ts'
import { collection } from '../resources.ts'
import { BrokerConfigData, BrokerConfigParams, BrokerData, BrokerParams, ClusterData, ClusterParams, Collection, v3Errors } from '../schemas.ts'

const tags = ['Confluent v3']

export function registerClusterRoutes (app: FastifyInstance, gateway: Gateway, context: ClusterContext): void {
  app.get('/clusters', {
    schema: { summary: 'List clusters (the one behind this gateway)', tags, response: { 200: Collection(ClusterData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const cluster = await gateway.admin.cluster()
    const links = context.linksOf(request, cluster.clusterId)
    return collection('KafkaClusterList', `${links.cluster.slice(0, links.cluster.lastIndexOf('/'))}`, [clusterData(links, cluster.controllerId)])
  })

  app.get<{ Params: Static<typeof ClusterParams> }>('/clusters/:cluster_id', {
    schema: { summary: 'Get the cluster', tags, params: ClusterParams, response: { 200: ClusterData, ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    return clusterData(links, (await gateway.admin.cluster()).controllerId)
  })

  app.get<{ Params: Static<typeof ClusterParams> }>('/clusters/:cluster_id/brokers', {
    schema: { summary: 'List brokers', tags, params: ClusterParams, response: { 200: Collection(BrokerData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const { brokers } = await gateway.admin.cluster()
    return collection('KafkaBrokerList', links.at('brokers'), brokers.map(b => brokerData(links, b)))
  })

  async function broker (brokerId: number) {
    const found = (await gateway.admin.cluster()).brokers.find(b => b.id === brokerId)
    if (!found) throw new GatewayError('broker_not_found', `Broker ${brokerId} not found in the cluster; GET …/brokers lists them`, { field: 'broker_id' })
    return found
  }

  app.get<{ Params: Static<typeof BrokerParams> }>('/clusters/:cluster_id/brokers/:broker_id', {
    schema: { summary: 'Get a broker', tags, params: BrokerParams, response: { 200: BrokerData, ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    return brokerData(links, await broker(request.params.broker_id))
  })

  app.get<{ Params: Static<typeof BrokerParams> }>('/clusters/:cluster_id/brokers/:broker_id/configs', {
    schema: { summary: 'List the configs of a broker', tags, params: BrokerParams, response: { 200: Collection(BrokerConfigData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const id = (await broker(request.params.broker_id)).id
    const configs = await gateway.admin.describeBrokerConfigs(id)
    return collection('KafkaBrokerConfigList', links.at('brokers', id, 'configs'), configs.map(c => brokerConfigData(links, id, c)))
  })

  app.get<{ Params: Static<typeof BrokerConfigParams> }>('/clusters/:cluster_id/brokers/:broker_id/configs/:name', {
    schema: { summary: 'Get one config of a broker', tags, params: BrokerConfigParams, response: { 200: BrokerConfigData, ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const id = (await broker(request.params.broker_id)).id
    const config = (await gateway.admin.describeBrokerConfigs(id)).find(c => c.name === request.params.name)
    if (!config) throw new GatewayError('config_not_found', `broker ${id} has no config ${request.params.name}`, { field: 'name' })
    return brokerConfigData(links, id, config)
  })
}
