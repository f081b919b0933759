import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { Link } from 'react-router-dom';
import { QueryErrorPage } from '../../components/ErrorPage.tsx';
import { PageSkeleton } from '../../components/Skeletons.tsx';
import { courseApi } from '../../courses/course-api.ts';
import '../../courses/courses.css';

/** A completion certificate: public, so its URL can be shared, and its id checked against the server. */
export default function CertificatePage() {
  const { id = '' } = useParams();
  const certificate = useQuery({ queryKey: ['certificate', id], queryFn: () => courseApi.certificate(id) });
  if (certificate.error) return <QueryErrorPage error={certificate.error} what="Certificate" />;
  if (!certificate.data) return <PageSkeleton />;
  const { learner, courseTitle, courseId, completedAt } = certificate.data;
  return (
    <section className="certificate-page">
      <div className="certificate">
        <p className="certificate-kicker">Certificate of completion</p>
        <h1>{learner}</h1>
        <p>completed the StreamHub course</p>
        <h2>
          <Link to={`/courses/${courseId}`}>{courseTitle}</Link>
        </h2>
        <p>on {new Date(completedAt).toLocaleDateString()}</p>
        <p className="certificate-id">
          Certificate id <code>{id}</code> — anyone can verify it at this page’s address.
        </p>
      </div>
    </section>
  );
}
