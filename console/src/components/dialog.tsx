/**
 * Modal dialogs on the native <dialog> element: it traps focus, closes on
 * Escape and returns focus to the opener, which a hand-made overlay would
 * all have to redo.
 */
import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef, useState } from 'preact/hooks'
import type { ApiError } from '../api/client.ts'
import { InlineError } from './states.tsx'

export function Dialog ({ open, title, onClose, children, wide }: { open: boolean, title: string, onClose: () => void, children: ComponentChildren, wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} class={wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <div class='dialog-header'>
            <h2 id={titleId}>{title}</h2>
            <button type='button' class='icon-button' aria-label='Close' onClick={onClose}>×</button>
          </div>
          {children}
        </>
      )}
    </dialog>
  )
}

export interface SubmitActionsProps {
  /** The error of the last attempt, shown above the buttons. */
  error: ApiError | undefined
  pending: boolean
  /** Label of the submit button, and while the request runs. */
  submitLabel: string
  pendingLabel: string
  onCancel: () => void
  /** Other reasons the form cannot be sent yet. */
  disabled?: boolean
  danger?: boolean
  autoFocus?: boolean
}

/** The end of every form dialog: the last error, then Cancel and the submit button (disabled while sending). */
export function SubmitActions (props: SubmitActionsProps) {
  return (
    <>
      <InlineError error={props.error} />
      <div class='dialog-actions'>
        <button type='button' onClick={props.onCancel}>Cancel</button>
        <button type='submit' class={props.danger ? 'danger' : 'primary'} disabled={props.pending || props.disabled === true} autoFocus={props.autoFocus}>
          {props.pending ? props.pendingLabel : props.submitLabel}
        </button>
      </div>
    </>
  )
}

export interface ConfirmProps {
  open: boolean
  title: string
  /** What will happen, in words. */
  children: ComponentChildren
  confirmLabel: string
  /** When set, the user must type this (e.g. the topic name) to confirm: for what cannot be undone. */
  typeToConfirm?: string
  pending: boolean
  error: ApiError | undefined
  onConfirm: () => void
  onCancel: () => void
}

export function ConfirmDialog (props: ConfirmProps) {
  const [typed, setTyped] = useState('')
  const inputId = useId()
  useEffect(() => { if (props.open) setTyped('') }, [props.open])
  const blocked = props.typeToConfirm !== undefined && typed !== props.typeToConfirm
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onCancel}>
      <form method='dialog' onSubmit={e => { e.preventDefault(); if (!blocked) props.onConfirm() }}>
        <div class='dialog-body'>{props.children}</div>
        {props.typeToConfirm !== undefined && (
          <div class='field'>
            <label for={inputId}>Type <strong>{props.typeToConfirm}</strong> to confirm</label>
            <input id={inputId} value={typed} onInput={e => setTyped(e.currentTarget.value)} autocomplete='off' spellcheck={false} autoFocus />
          </div>
        )}
        <SubmitActions error={props.error} pending={props.pending} disabled={blocked} submitLabel={props.confirmLabel} pendingLabel='Working…' onCancel={props.onCancel} danger autoFocus={props.typeToConfirm === undefined} />
      </form>
    </Dialog>
  )
}
