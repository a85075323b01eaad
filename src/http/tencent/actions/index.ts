/**
 * Every action the Tencent dialect serves, by its X-TC-Action name
 * (contracts.md §1). Anything else is InvalidAction.
 */
import type { TencentAction } from './action.ts'
import { createDatahubTask, deleteDatahubTask, describeDatahubTask, describeDatahubTasks, pauseDatahubTask, resumeDatahubTask } from './datahub-tasks.ts'
import { fetchMessageByOffset, fetchMessageListByOffset, fetchMessageListByTimestamp } from './message-query.ts'
import { sendMessage } from './send-message.ts'

export const TENCENT_ACTIONS: ReadonlyMap<string, TencentAction> = new Map([
  sendMessage,
  createDatahubTask,
  describeDatahubTask,
  describeDatahubTasks,
  deleteDatahubTask,
  pauseDatahubTask,
  resumeDatahubTask,
  fetchMessageByOffset,
  fetchMessageListByOffset,
  fetchMessageListByTimestamp,
].map(action => [action.name, action]))
