import { useT } from '../i18n/index'

/** While the operator's details load, or when they could not: said in a live region, so a screen reader hears it too. */
export function OperatorStatus({ failed }: { readonly failed: boolean }) {
  const t = useT()
  return failed ? <p role="alert">{t('operator.failed')}</p> : <p role="status">{t('operator.loading')}</p>
}
