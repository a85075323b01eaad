/**
 * Copies text to the clipboard. The Clipboard API exists only in secure
 * contexts (https or localhost); a gateway reached over plain http elsewhere
 * falls back to selecting a hidden textarea and execCommand('copy').
 */
import { useState } from 'preact/hooks'
import { notify } from './notices.tsx'

async function copyText (text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch { /* permission refused: try the fallback */ }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  const copied = document.execCommand('copy')
  area.remove()
  return copied
}

export function CopyButton ({ text, label, what }: { text: string, label: string, what: string }) {
  const [done, setDone] = useState(false)
  return (
    <button
      type='button'
      class='secondary'
      onClick={async () => {
        const ok = await copyText(text)
        notify(ok ? `${what} copied to the clipboard` : `Could not copy ${what}; select it and copy by hand`)
        if (ok) { setDone(true); setTimeout(() => setDone(false), 2000) }
      }}
    >
      {done ? 'Copied' : label}
    </button>
  )
}
