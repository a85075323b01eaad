/**
 * Short confirmations ("Topic orders created") shown for a few seconds in a
 * polite live region, so screen readers announce them without moving focus.
 */
import { useEffect, useState } from 'preact/hooks'

type Listener = (message: string) => void
const listeners = new Set<Listener>()

export function notify (message: string): void {
  for (const listener of listeners) listener(message)
}

const VISIBLE_MS = 5000

export function Notices () {
  const [messages, setMessages] = useState<{ id: number, text: string }[]>([])
  useEffect(() => {
    let next = 0
    const timers = new Set<ReturnType<typeof setTimeout>>()
    const listener: Listener = text => {
      const id = next++
      setMessages(list => [...list.slice(-2), { id, text }])
      const timer = setTimeout(() => { timers.delete(timer); setMessages(list => list.filter(m => m.id !== id)) }, VISIBLE_MS)
      timers.add(timer)
    }
    listeners.add(listener)
    return () => { listeners.delete(listener); for (const timer of timers) clearTimeout(timer) }
  }, [])
  return (
    <div class='notices' role='status' aria-live='polite'>
      {messages.map(m => <p key={m.id} class='notice'>{m.text}</p>)}
    </div>
  )
}
