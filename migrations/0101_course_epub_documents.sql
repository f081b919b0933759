-- Course-generation sources may also be EPUB books (text through pandoc, one entry per chapter section).
alter table course_documents drop constraint course_documents_kind_check;
alter table course_documents add constraint course_documents_kind_check check (kind in ('pdf', 'markdown', 'epub'));
