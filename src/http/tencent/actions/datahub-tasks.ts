/**
 * DataHub tasks (contracts.md §1): an HTTP source task is an access point
 * of this gateway (docs/access-points.md), so these actions and the native
 * /gateway/v1/access-points routes manage the same objects, with the same
 * permissions: `describe` on an access point to see it, `admin` to change
 * it, and on every access point to list or create them (creating also needs
 * `produce` on the topic, which the core checks).
 */
import { isGatewayError } from '../../../core/errors.ts'
import type { AccessPoint } from '../../../core/identity/entries.ts'
import type { Static } from 'typebox'
import { audit } from '../../shared/audit.ts'
import { TencentError } from '../errors.ts'
import { taskIds, toTask } from '../mapping.ts'
import { CreateDatahubTaskParams, DEFAULT_TASK_PAGE, DescribeDatahubTasksParams, MAX_TASK_PAGE, TaskIdParams } from '../schemas.ts'
import { defineAction, type ActionContext, type TencentAction } from './action.ts'

/** The core's not-found, in the words of the task API. */
async function onTask<T> (taskId: string, use: () => T | Promise<T>): Promise<T> {
  try {
    return await use()
  } catch (error) {
    if (isGatewayError(error) && error.code === 'access_point_not_found') {
      throw new TencentError('ResourceNotFound', `task ${taskId} does not exist; DescribeDatahubTasks lists the tasks`, { gatewayError: error })
    }
    throw error
  }
}

function unsupported (parameter: string, value: string, what: string): TencentError {
  return new TencentError('InvalidParameterValue', `${parameter} ${value} is not supported: ${what}`)
}

/** The topic a task writes to: `TOPIC` with TopicParam.Resource, or `KAFKA` with this cluster and KafkaParam.Topic. */
async function targetTopic (context: ActionContext, target: Static<typeof CreateDatahubTaskParams>['TargetResource']): Promise<string> {
  const autoCreate = 'the topic must exist before the task is created (create it with POST /gateway/v1/topics)'
  if (target.Type === 'TOPIC') {
    const param = target.TopicParam
    if (!param) throw new TencentError('MissingParameter', 'the request is missing the required parameter TargetResource.TopicParam (TargetResource.Type is TOPIC)')
    if (param.UseAutoCreateTopic === true) throw unsupported('TargetResource.TopicParam.UseAutoCreateTopic', 'true', autoCreate)
    return param.Resource
  }
  if (target.Type === 'KAFKA') {
    const param = target.KafkaParam
    if (!param) throw new TencentError('MissingParameter', 'the request is missing the required parameter TargetResource.KafkaParam (TargetResource.Type is KAFKA)')
    if (param.UseAutoCreateTopic === true) throw unsupported('TargetResource.KafkaParam.UseAutoCreateTopic', 'true', autoCreate)
    if (param.Topic === undefined || param.Topic === '') throw new TencentError('MissingParameter', 'the request is missing the required parameter TargetResource.KafkaParam.Topic')
    if (param.Topic.includes(',')) throw unsupported('TargetResource.KafkaParam.Topic', param.Topic, 'an HTTP source task writes to exactly one topic')
    await context.instances.check(param.Resource, 'TargetResource.KafkaParam.Resource')
    return param.Topic
  }
  throw unsupported('TargetResource.Type', target.Type, 'an HTTP source task writes to a topic of this gateway (TOPIC or KAFKA)')
}

export const createDatahubTask = defineAction('CreateDatahubTask', CreateDatahubTaskParams, async (context, params) => {
  if (params.TaskType !== 'SOURCE') throw unsupported('TaskType', params.TaskType, 'this gateway serves SOURCE tasks (HTTP data access into a topic)')
  if (params.SourceResource.Type !== 'HTTP') throw unsupported('SourceResource.Type', params.SourceResource.Type, 'this gateway serves HTTP source tasks (SendMessage)')
  if (params.TaskId !== undefined) throw new TencentError('InvalidParameterValue', 'TaskId is chosen by the gateway; leave it out')
  context.authorize('admin', { type: 'access-point' })
  const topic = await targetTopic(context, params.TargetResource)
  const created = await context.gateway.identity.accessPoints.create({ name: params.TaskName, topic, description: params.Description ?? '' }, context.principal)
  audit(context.request, 'access-point.created', { target: { type: 'access-point', id: created.id }, topic: created.topic })
  return { Result: taskIds(created) }
})

export const describeDatahubTask = defineAction('DescribeDatahubTask', TaskIdParams, async (context, params) => {
  context.authorize('describe', { type: 'access-point', name: params.TaskId })
  const accessPoint = await onTask(params.TaskId, () => context.gateway.identity.accessPoints.get(params.TaskId))
  return { Result: toTask(accessPoint) }
})

type TaskFilter = Static<typeof DescribeDatahubTasksParams>

/** DescribeDatahubTasks filters: TaskName contains SearchWord (any case); every task is a SOURCE/HTTP task into a topic. */
function matches (accessPoint: AccessPoint, filter: TaskFilter): boolean {
  if (filter.TaskType !== undefined && filter.TaskType !== 'SOURCE') return false
  if (filter.SourceType !== undefined && filter.SourceType !== 'HTTP') return false
  if (filter.TargetType !== undefined && filter.TargetType !== 'TOPIC' && filter.TargetType !== 'KAFKA') return false
  if (filter.Resource !== undefined && filter.Resource !== accessPoint.topic) return false
  return filter.SearchWord === undefined || accessPoint.name.toLowerCase().includes(filter.SearchWord.toLowerCase())
}

export const describeDatahubTasks = defineAction('DescribeDatahubTasks', DescribeDatahubTasksParams, async (context, params) => {
  context.authorize('describe', { type: 'access-point' })
  const found = context.gateway.identity.accessPoints.list()
    .filter(ap => matches(ap, params))
    // Newest first, as the CKafka console lists tasks.
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
  // Tencent: "default 20, at most 100 (more is limited to 100)".
  const limit = Math.min(params.Limit ?? DEFAULT_TASK_PAGE, MAX_TASK_PAGE)
  const offset = params.Offset ?? 0
  return { Result: { TotalCount: found.length, TaskList: found.slice(offset, offset + limit).map(toTask) } }
})

export const deleteDatahubTask = defineAction('DeleteDatahubTask', TaskIdParams, async (context, params) => {
  context.authorize('admin', { type: 'access-point', name: params.TaskId })
  const accessPoint = await onTask(params.TaskId, () => context.gateway.identity.accessPoints.get(params.TaskId))
  await onTask(params.TaskId, () => context.gateway.identity.accessPoints.delete(params.TaskId))
  audit(context.request, 'access-point.deleted', { target: { type: 'access-point', id: accessPoint.id } })
  return { Result: taskIds(accessPoint) }
})

function statusAction (name: string, change: 'pause' | 'resume'): TencentAction {
  return defineAction(name, TaskIdParams, async (context, params) => {
    context.authorize('admin', { type: 'access-point', name: params.TaskId })
    const changed = await onTask(params.TaskId, () => context.gateway.identity.accessPoints[change](params.TaskId))
    audit(context.request, change === 'pause' ? 'access-point.paused' : 'access-point.resumed', { target: { type: 'access-point', id: changed.id } })
    return { Result: taskIds(changed) }
  })
}

export const pauseDatahubTask = statusAction('PauseDatahubTask', 'pause')
export const resumeDatahubTask = statusAction('ResumeDatahubTask', 'resume')
