"""Background jobs: their state, progress and outcome counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..errors import StoreError
from .base import StoreBase, now
from .tables import Job


class Jobs(StoreBase):
    def create_job(
        self,
        job_id: str,
        actor: str,
        input_format: str,
        policy: str,
        as_of: str,
        size: int,
        report: bool = False,
    ) -> Job:
        stamp = now()
        job = Job(
            id=job_id,
            status="queued",
            actor=actor,
            input_format=input_format,
            policy=policy,
            as_of=as_of,
            rows_done=0,
            bytes_total=size,
            outcomes="",
            error="",
            created_at=stamp,
            updated_at=stamp,
            report=report,
        )
        with self.session() as session, session.begin():
            session.add(job)
            self._audit(
                session, actor, "job.create", f"job:{job_id}", {"bytes": size, "policy": policy}
            )
        return job

    def update_job(self, job_id: str, **fields: Any) -> None:
        with self.session() as session, session.begin():
            job = session.get(Job, job_id)
            if job is None:
                raise StoreError(f"no job {job_id}")
            for name, value in fields.items():
                setattr(job, name, value)
            job.updated_at = now()
            if fields.get("status") in ("done", "failed"):
                details = {"rows": job.rows_done, "outcomes": job.outcomes, "error": job.error}
                self._audit(session, "service", f"job.{fields['status']}", f"job:{job_id}", details)

    def job(self, job_id: str) -> Job | None:
        with self.session() as session:
            return session.get(Job, job_id)

    def pending_jobs(self) -> list[Job]:
        """Jobs a stopped server left queued or running, oldest first."""
        with self.session() as session:
            query = (
                select(Job).where(Job.status.in_(("queued", "running"))).order_by(Job.created_at)
            )
            return list(session.scalars(query))
