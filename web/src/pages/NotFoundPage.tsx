import { ErrorPage } from '../components/ErrorPage.tsx';

export default function NotFoundPage() {
  return <ErrorPage status={404} title="Page not found" message="There is nothing at this address." />;
}
