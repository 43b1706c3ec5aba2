<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/activities_page.py" line="+67"/>
        <source>Activities</source>
        <translation>团体活动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Term:</source>
        <translation>学期(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log an activity…</source>
        <translation>登记活动(&amp;L)…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>All terms</source>
        <translation>全部学期</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No activity logged in this term.</source>
        <translation>本学期尚未登记活动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No activity logged yet.</source>
        <translation>尚未登记活动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 group counselling sessions · %2 lectures · %3 participants</source>
        <translation>团体辅导 %1 场 · 讲座 %2 场 · 共 %3 人次</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Logging activities needs a counsellor account</source>
        <translation>登记活动需要心理教师账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a group counselling session or a lecture</source>
        <translation>登记一场团体辅导或讲座</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the window is locked or still saving; try again</source>
        <translation>窗口已锁定或仍在保存，请重试</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/activity_dialog.py" line="+100"/>
        <source>Log a group activity</source>
        <translation>登记团体活动</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. Coping with exam stress</source>
        <translation>例如：应对考试压力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Grade 8, class 3; all of grade 9</source>
        <translation>例如：初二(3)班；初三全年级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 to %1 participants</source>
        <translation>1 至 %1 人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who ran it (optional)</source>
        <translation>主持人或主讲人（选填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audience:</source>
        <translation>对象(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Participants:</source>
        <translation>参加人数(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Led by:</source>
        <translation>主持/主讲(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Your account may not log activities.</source>
        <translation>您的账户无权登记活动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved (unexpected error): %1</source>
        <translation>未保存（发生意外错误）：%1</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/activity_model.py" line="+56"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audience</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Led by</source>
        <translation>主持/主讲</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../src/counselroom/ui/wizard/admin_page.py" line="+25"/>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The administrator manages accounts and school policy and can do all case work. Usually this is the counsellor in charge of the counselling room.</source>
        <translation>管理员负责管理账户和学校策略，也可处理全部个案工作，通常由心理辅导室的负责心理教师担任。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. liu (letters or digits, no spaces)</source>
        <translation>例如：liu（字母或数字，不含空格）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 刘老师</source>
        <translation>例如：刘老师</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Create vault</source>
        <translation>创建数据库(&amp;C)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The user name must be 1–40 characters without spaces.</source>
        <translation>用户名须为 1–40 个字符，且不含空格。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/audit_filters.py" line="+74"/>
        <source>any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entries whose action starts with this text, e.g. “student.” or “login”</source>
        <translation>显示操作名称以此文字开头的记录，例如“student.”或“login”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show all</source>
        <translation>显示全部(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>all users</source>
        <translation>全部用户</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/counselroom/ui/audit_page.py" line="+66"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every sign-in, view, print, export and change, newest first</source>
        <translation>每一次登录、查看、打印、导出和修改，最新的在前</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The audit log is open to administrators only.</source>
        <translation>审计日志仅管理员可查看。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 entries shown</source>
        <translation>已显示 %1 条记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>older entries can be loaded</source>
        <translation>还可加载更早的记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No entry matches the filter.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit log is empty.</source>
        <translation>审计日志为空。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/audit_model.py" line="+28"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>BackupSchedule</name>
    <message>
        <location filename="../../src/counselroom/ui/backup_schedule.py" line="+188"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup before closing failed: %1

Close anyway?</source>
        <translation>关闭前的备份失败：%1

仍要关闭吗？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Backup in progress</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A backup is being written. Close without waiting for it to finish?</source>
        <translation>正在写入备份。不等备份完成就关闭吗？</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location line="-156"/>
        <source>only counsellors and administrators can make backups.</source>
        <translation>只有心理教师和管理员可以备份。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected error (%1).</source>
        <translation>意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>BackupsGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_backups.py" line="+41"/>
        <source>Backups (this computer)</source>
        <translation>备份（本机）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clea&amp;r</source>
        <translation>清除(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Back up &amp;now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only counsellors and administrators can make backups.</source>
        <translation>只有心理教师和管理员可以备份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A backup is one encrypted file (.crbackup) holding the whole vault; it opens only with the password of one of the vault&apos;s accounts. While a folder is chosen, CounselRoom backs up once a day while it is open and each time the window is closed, and keeps the newest backups of this vault there; other files in the folder are never touched. Keep the USB drive locked away, like the paper files. To restore, use “Restore from a backup…” on the sign-in window.</source>
        <translation>备份是一个加密文件（.crbackup），包含整个数据库；只有用该数据库中某个账户的密码才能打开。选定文件夹后，CounselRoom 在运行期间每天备份一次，每次关闭窗口时也备份一次，并在该文件夹中保留本数据库最新的几份备份；文件夹中的其他文件不会被改动。请像纸质档案一样，把 U 盘锁好保管。如需恢复，请在登录窗口中使用“从备份恢复…”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Backup folder:</source>
        <translation>备份文件夹(&amp;B)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep the newest:</source>
        <translation>保留最新(&amp;K)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> backups</source>
        <translation> 份备份</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Last backup: %1, %2</source>
        <translation>上次备份：%1，%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No backup of this vault has been made on this computer yet.</source>
        <translation>本机尚未备份过此数据库。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup at %1 failed: %2</source>
        <translation>%1 的备份失败：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved. Backups go to this folder.</source>
        <translation>已保存。备份将保存到此文件夹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. No scheduled backups on this computer.</source>
        <translation>已保存。本机不进行定时备份。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved. The folder keeps the newest %1 backups.</source>
        <translation>已保存。该文件夹将保留最新的 %1 份备份。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not save the settings in %1: %2</source>
        <translation>无法将设置保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 older backups were deleted.</source>
        <translation>已删除 %1 份较早的备份。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
</context>
<context>
    <name>BandsEditor</name>
    <message>
        <location filename="../../src/counselroom/ui/cutoff_editors.py" line="+82"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderately severe</source>
        <translation>中重度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 from</source>
        <translation>%1 ≥</translation>
    </message>
</context>
<context>
    <name>BatchDetailView</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/batch_detail.py" line="+175"/>
        <source>A screening flag (筛查提示) puts a student on the interview list; it is never a diagnosis. Only the counsellor&apos;s face-to-face interview sets a tier.</source>
        <translation>筛查提示只是把学生列入访谈名单，绝不是诊断。只有心理教师的面对面访谈才能确定分级。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>consent %1</source>
        <translation>知情同意 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Results (%1)</source>
        <translation>结果（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No result entered yet.</source>
        <translation>尚未录入结果。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interview list (%1)</source>
        <translation>访谈名单（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No student of this batch is flagged for an interview.</source>
        <translation>本批次没有提示需要访谈的学生。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retest (%1)</source>
        <translation>重测（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No sheet to retest.</source>
        <translation>没有需要重测的答卷。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not screened (%1)</source>
        <translation>未测（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every student of these grades has a result.</source>
        <translation>这些年级的学生均已有结果。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a batch to see its results.</source>
        <translation>请选择一个批次以查看其结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview list</source>
        <translation>访谈名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retest</source>
        <translation>重测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not screened</source>
        <translation>未测</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/batch_dialog.py" line="+71"/>
        <source>New screening batch</source>
        <translation>新建筛查批次</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>e.g. the notice number of the parents&apos; consent (optional)</source>
        <translation>例如：家长知情同意书的编号（选填）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Instrument:</source>
        <translation>量表(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Term:</source>
        <translation>学期(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grades:</source>
        <translation>年级：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Consent reference:</source>
        <translation>知情同意编号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Your account may not create screening batches.</source>
        <translation>您的账户无权创建筛查批次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved (unexpected error): %1</source>
        <translation>未保存（发生意外错误）：%1</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/documents/batch_dialog.py" line="+89"/>
        <source>Print parent notices</source>
        <translation>打印家长告知书</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The students chosen in the list (%1)</source>
        <translation>列表中选中的学生（%1 名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A class:</source>
        <translation>一个班级：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — %2 at tier 1–3</source>
        <translation>%1 — %2 名处于一至三级</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printed in every notice (optional)</source>
        <translation>印在每份告知书中（可不填）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Prepare</source>
        <translation>准备文书(&amp;P)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Note:</source>
        <translation>补充说明：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent notices (家长告知书), one after another in one document.</source>
        <translation>家长告知书，逐份排在同一个文件中。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 notice(s) will be prepared.</source>
        <translation>将准备 %1 份告知书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No student chosen.</source>
        <translation>未选择学生。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The note is longer than %1 characters.</source>
        <translation>补充说明超过 %1 个字。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+14"/>
        <source>Cancelled: nothing was printed or recorded.</source>
        <translation>已取消：没有打印，也没有记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account may not print documents.</source>
        <translation>您的账户不能打印文书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not prepared: %1</source>
        <translation>未能准备：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not prepared (unexpected error): %1</source>
        <translation>未能准备（意外错误）：%1</translation>
    </message>
</context>
<context>
    <name>BatchResultModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/batch_detail.py" line="-180"/>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item 9</source>
        <translation>第9题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lie scale</source>
        <translation>效度量表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening flags</source>
        <translation>筛查提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/calendar_page.py" line="+53"/>
        <source>Calendar</source>
        <translation>日程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ &amp;Previous week</source>
        <translation>◀ 上一周(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;This week</source>
        <translation>本周(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next week ▶</source>
        <translation>下一周(&amp;N) ▶</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 items</source>
        <translation>共 %1 项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 overdue</source>
        <translation>逾期 %1 项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click an item to open the student&apos;s file</source>
        <translation>双击一项可打开学生档案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your account sees follow-ups and notification tasks only; appointments and plan reviews are visible to counsellors.</source>
        <translation>您的账户只能看到随访和通报任务；预约和方案复评仅心理教师可见。</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/card_dialog.py" line="+48"/>
        <source>A school&apos;s card</source>
        <translation>学校名片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Standing: %1</source>
        <translation>信任状态：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Warning: the trust list holds a card for %1 with the fingerprint %2. This card has other keys. It may be that school after a reinstall — or someone pretending to be it. Call the school at a number you already know and compare the fingerprint digit by digit before trusting it.</source>
        <translation>警告：信任列表中已有 %1 的名片，其指纹为 %2，而这张名片的密钥与之不同。这可能是该校重装系统后的新名片，也可能是有人冒充该校。请拨打您原本就知道的该校电话，逐位核对指纹后再决定是否信任。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>I compared this fingerprint with the school by phone or on paper</source>
        <translation>我已通过电话或纸质材料与该校核对过此指纹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Trust</source>
        <translation>信任(&amp;T)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This card is on the trust list already.</source>
        <translation>这张名片已在信任列表中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is this school&apos;s own card; it needs no trust.</source>
        <translation>这是本校自己的名片，无需信任。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not trusted: %1</source>
        <translation>未加入信任列表：%1</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/card_view.py" line="+70"/>
        <source>School code:</source>
        <translation>学校标识码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District:</source>
        <translation>所在区县：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fingerprint (read it aloud in groups of five):</source>
        <translation>指纹（每五位一组，逐组读出）：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The whole signed card: scan it to read it</source>
        <translation>完整的已签名名片：扫码即可读取</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/actions.py" line="+114"/>
        <source>The file is closed. Reopen it on the “One student, one plan” tab first.</source>
        <translation>档案已结案。请先在“一生一策”页重新开案。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/casework.py" line="+94"/>
        <source>Discard what you typed?</source>
        <translation>放弃已输入的内容？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A form of this file holds text that has not been saved. Close the file anyway?</source>
        <translation>此档案有表单中的内容尚未保存。仍要关闭档案吗？</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/contact_dialog.py" line="+90"/>
        <source>Log a contact…</source>
        <translation>登记沟通…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a consent…</source>
        <translation>登记知情同意…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdraw consent…</source>
        <translation>撤回知情同意…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a consent in the list first.</source>
        <translation>请先在列表中选择一项知情同意。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is a refusal: there is nothing to withdraw.</source>
        <translation>这是一条拒绝记录，没有可撤回的同意。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This consent was already withdrawn on %1.</source>
        <translation>该知情同意已于 %1 撤回。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/plan_actions.py" line="+25"/>
        <location line="+12"/>
        <source>Write the plan…</source>
        <translation>制定方案…</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Close file…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen file…</source>
        <translation>重新开案…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Review plan…</source>
        <translation>复评方案…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no open file to close: nothing has been recorded.</source>
        <translation>没有可结案的档案：尚无任何记录。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/session_actions.py" line="+42"/>
        <source>New session…</source>
        <translation>新建辅导记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add amendment…</source>
        <translation>添加补充记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record who was told…</source>
        <translation>登记告知情况…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The head teacher and the guardian must be told about the risk found in the session of %1, and that they were told must be recorded: choose the session and press “Record who was told…”.</source>
        <translation>%1 的辅导中发现了风险，必须告知班主任和家长，并记录已告知：请选中该次辅导，再点击“登记告知情况…”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a session in the list first.</source>
        <translation>请先在列表中选择一次辅导。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the counsellor who wrote a session can edit or sign it.</source>
        <translation>只有撰写该辅导记录的心理教师才能编辑或签名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This session is locked (signed, or written more than 24 hours ago): add an amendment instead.</source>
        <translation>该辅导记录已锁定（已签名，或撰写已超过 24 小时），请改为添加补充记录。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The session is not locked yet: its counsellor can still edit it.</source>
        <translation>该辅导记录尚未锁定，撰写的心理教师仍可直接编辑。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody has to be told about this session, or it is recorded.</source>
        <translation>该次辅导无需告知他人，或告知情况已登记。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Sign this session?</source>
        <translation>要签名确认该辅导记录吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing the session of %1 locks its notes: afterwards they can only be completed by dated amendments. Sign it now?</source>
        <translation>签名后，%1 的辅导记录将被锁定，之后只能通过注明日期的补充记录进行补充。现在签名吗？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>An unexpected error (%1).</source>
        <translation>发生意外错误（%1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session was not signed</source>
        <translation>辅导记录未签名</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/tier_actions.py" line="+24"/>
        <source>Record concern…</source>
        <translation>登记预警上报…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change tier…</source>
        <translation>调整分级…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark task done…</source>
        <translation>标记通报完成…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose an open notification in the list first.</source>
        <translation>请先在列表中选择一项未完成的通报。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/leave_actions.py" line="+32"/>
        <source>Start leave…</source>
        <translation>登记休学…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record return…</source>
        <translation>登记复学…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel leave…</source>
        <translation>撤销休学…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The student is already on leave: record the return, or cancel a leave entered in error, first.</source>
        <translation>该学生已在休学中：请先登记复学，或撤销误录的休学记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only an enrolled student can go on leave; this student is %1.</source>
        <translation>只有在读学生才能登记休学；该学生当前为“%1”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The student is not on leave.</source>
        <translation>该学生不在休学中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chosen leave has already ended: choose the current leave.</source>
        <translation>所选休学记录已结束：请选择当前的休学记录。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/referral_actions.py" line="+73"/>
        <source>Refer…</source>
        <translation>提出转介…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for consent…</source>
        <translation>征求家长同意…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record consent…</source>
        <translation>登记家长意见…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent…</source>
        <translation>标记已转介…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen…</source>
        <translation>登记就诊…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback…</source>
        <translation>登记反馈…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close…</source>
        <translation>结束转介…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw…</source>
        <translation>撤回转介…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Feedback is overdue from %1: ask the hospital or the family, then record it.</source>
        <translation>以下机构的反馈已逾期：%1。请向医院或家长了解情况后登记。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a referral in the list first.</source>
        <translation>请先在列表中选择一项转介。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This referral is %1: it takes no more steps.</source>
        <translation>该转介%1，不能再进行后续步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The guardian&apos;s consent must be recorded before the referral is sent, in an emergency too (by phone then).</source>
        <translation>转介前必须先登记家长的知情同意；紧急情况下也是如此（此时可电话征得同意）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not possible now: the referral is %1, and its next step can be: %2.</source>
        <translation>目前无法进行此步骤：该转介当前为“%1”，下一步只能是：%2。</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/amend_dialog.py" line="+28"/>
        <source>Amend a locked session</source>
        <translation>补充已锁定的辅导记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The session of %1 (%2) is locked. An amendment is kept with today&apos;s date next to what was written; the original does not change.</source>
        <translation>%1 的辅导记录（%2）已锁定。补充记录将注明今天的日期，与原记录一并保存；原记录不会改变。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. omitted on the day</source>
        <translation>例如：当天遗漏</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Part to amend</source>
        <translation>补充部分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As written</source>
        <translation>原记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amendment</source>
        <translation>补充内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/counselroom/ui/student_file/closure_dialog.py" line="+231"/>
        <location filename="../../src/counselroom/ui/student_file/leave_dialogs.py" line="+136"/>
        <location filename="../../src/counselroom/ui/student_file/referral_step_dialog.py" line="+99"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(not written)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/break_glass_dialog.py" line="+55"/>
        <source>Who was told</source>
        <translation>登记告知情况</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The session of %1 found a %2. Confidentiality does not hold here: the head teacher and the guardian must be told, and that they were told must be recorded.</source>
        <translation>%1 的辅导中发现%2。这属于保密例外：必须告知班主任和家长，并记录已告知。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Told at</source>
        <translation>已告知：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How they were told, what they said</source>
        <translation>告知方式及对方的回应</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Head teacher</source>
        <translation>班主任</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../src/counselroom/ui/student_file/consent_dialog.py" line="+143"/>
        <source>Guardian</source>
        <translation>家长</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Already recorded as told at %1.</source>
        <translation>已登记于 %1 告知。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../src/counselroom/ui/student_file/consent_dialog.py" line="+138"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/closure_dialog.py" line="-182"/>
        <source>%1 notification task(s) are not done yet.</source>
        <translation>尚有 %1 项通报任务未完成。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 session(s) with a risk found still need the record of who was told (head teacher and guardian).</source>
        <translation>有 %1 次发现风险的辅导尚未登记告知情况（班主任和家长）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+76"/>
        <source>Close the file</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Reading the file…</source>
        <translation>正在读取档案…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/counselroom/ui/student_file/leave_dialogs.py" line="-58"/>
        <location filename="../../src/counselroom/ui/student_file/tier_dialog.py" line="+81"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Goals achieved</source>
        <translation>已达成的目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Goals not achieved</source>
        <translation>未达成的目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counsellor&apos;s evaluation</source>
        <translation>心理教师评价</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>District&apos;s closure evaluation (结案评估) *</source>
        <translation>区县结案评估 *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required: the student was at tier 3 (crisis).</source>
        <translation>必填：该学生曾处于 3 级（危机）。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Sessions: %1</source>
        <translation>辅导次数：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last screening scores: %1</source>
        <translation>最近一次筛查得分：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This was a crisis case (tier 3): the district&apos;s closure evaluation is required.</source>
        <translation>这是危机个案（3 级）：必须填写区县结案评估。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file cannot be closed yet:</source>
        <translation>暂时无法结案：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file could not be read: %1</source>
        <translation>无法读取档案：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reopen the file</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was closed on %1 (%2). Reopening puts it back on the dashboard with a follow-up date; the closure stays in the file.</source>
        <translation>该档案已于 %1 结案（%2）。重新开案后，该学生将带着随访日期重新出现在工作台上；结案记录仍保留在档案中。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reopening puts the file back on the dashboard.</source>
        <translation>重新开案后，该学生将重新出现在工作台上。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reopen</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/concern_dialog.py" line="+28"/>
        <source>Record a concern</source>
        <translation>登记预警上报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. the head teacher&apos;s name</source>
        <translation>例如：班主任姓名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reported by</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reported on</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was seen or heard</source>
        <translation>观察到或听到的情况</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/contact_dialog.py" line="-82"/>
        <source>Log a contact with the family</source>
        <translation>登记家校沟通</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. the mother, Ms Li</source>
        <translation>例如：母亲李女士</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/consent_dialog.py" line="-211"/>
        <source>Record a consent</source>
        <translation>登记知情同意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the guardian&apos;s answer to the referral</source>
        <translation>登记家长对转介的意见</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>consented</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the student himself (14 or over)</source>
        <translation>学生本人（年满 14 周岁）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 母亲</source>
        <translation>例如：母亲</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 转介知情同意书 第1版</source>
        <translation>例如：转介知情同意书 第1版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 心理测评知情同意书 2026版</source>
        <translation>例如：心理测评知情同意书 2026版</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 班主任王老师</source>
        <translation>例如：班主任王老师</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. form no. 2026-031, cabinet 2</source>
        <translation>例如：表单编号 2026-031，存于 2 号柜</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Consent to</source>
        <translation>同意事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/counselroom/ui/student_file/contact_dialog.py" line="+6"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who answered</source>
        <translation>答复人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A student under 14 on that day needs a guardian&apos;s consent (PIPL art. 31).</source>
        <translation>当天未满 14 周岁的学生须由监护人同意（《个人信息保护法》第三十一条）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../src/counselroom/ui/student_file/contact_dialog.py" line="+1"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text agreed to</source>
        <translation>同意书文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The title and version of the wording the family saw.</source>
        <translation>家长所看到的同意书的标题和版本。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Witness of the refusal</source>
        <translation>拒绝的见证人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A refusal is recorded with who witnessed it.</source>
        <translation>登记拒绝时须写明见证人。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paper form / where filed</source>
        <translation>纸质表单/存放位置</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Referral to %1, proposed on %2, now %3. Consent must be recorded before the referral is sent, in an emergency too (by phone then).</source>
        <translation>转介至%1，%2 提出，当前状态：%3。转介前必须先登记知情同意；紧急情况下也是如此（此时可电话征得同意）。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Withdraw a consent</source>
        <translation>撤回知情同意</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The consent to %1 given by %2 on %3 (%4) is withdrawn from the day below. The record of the consent is kept.</source>
        <translation>%2 于 %3 作出的%1知情同意（%4）自下方日期起撤回。原同意记录仍保留。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A referral not yet sent is withdrawn with it; one already sent keeps its state (the visit happened).</source>
        <translation>尚未转出的转介将一并撤回；已转介的保留原状态（就诊已经发生）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. the father called to withdraw it</source>
        <translation>例如：父亲来电要求撤回</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../src/counselroom/ui/student_file/referral_step_dialog.py" line="-45"/>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Withdraw the consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/contact_dialog.py" line="+2"/>
        <source>With whom</source>
        <translation>沟通对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was said</source>
        <translation>沟通内容</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What was agreed</source>
        <translation>约定事项</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/form_fields.py" line="+152"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/form_kit.py" line="+121"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Nothing was saved: the window is locked.</source>
        <translation>未保存：窗口已锁定。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing was saved: your account may not do this (%1).</source>
        <translation>未保存：您的账户无权执行此操作（%1）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+23"/>
        <source>Nothing was saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Nothing was saved because of an unexpected error (%1). What you typed is still here: try again, and report the problem if it persists.</source>
        <translation>发生意外错误（%1），未能保存。您输入的内容仍在此处：请重试；如问题持续出现，请报告。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../src/counselroom/ui/student_file/plan_dialog.py" line="+164"/>
        <source>Nothing was saved: correct the field marked in red.</source>
        <translation>未保存：请更正标红的字段。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was saved: this file was changed elsewhere after you opened this form. The file behind this window now shows the newer version; what you typed is still here. Compare them, then save again to make yours the newest.</source>
        <translation>未保存：您打开此表单后，档案已在别处被修改。本窗口后面的档案现已显示较新的版本，您输入的内容仍在此处。请对照两者，再次保存即可使您的内容成为最新版本。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Discard what you typed?</source>
        <translation>放弃已输入的内容？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing on this form has been saved. Close it anyway?</source>
        <translation>此表单的内容尚未保存。仍要关闭吗？</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/measures_table.py" line="+39"/>
        <source>Who</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Add measure</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/plan_dialog.py" line="-112"/>
        <source>Write the plan</source>
        <translation>制定方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review the plan</source>
        <translation>复评方案</translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../../src/counselroom/ui/student_file/session_dialog.py" line="+138"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk factors</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protective factors</source>
        <translation>保护因素</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Measures: who does what, how often</source>
        <translation>措施：谁做什么、多久一次</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Review on</source>
        <translation>复评日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By default the school&apos;s review interval from today.</source>
        <translation>默认：今天加上学校规定的复评间隔。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What changed and why</source>
        <translation>调整内容及原因</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This student has no plan yet: this is version 1.</source>
        <translation>该学生尚无方案：这是第 1 版。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filled from version %1 (%2, %3). Saving keeps it and adds version %4.</source>
        <translation>已按第 %1 版（%2，%3）预填。保存后原版本保留，并新增第 %4 版。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Version %1 was saved by %2 at %3 while you were writing; it is on the plan tab now. Your text is kept here: saving adds it as version %4.</source>
        <translation>在您填写期间，%2 于 %3 保存了第 %1 版，现已显示在方案页中。您的内容仍保留在此处：保存后将作为第 %4 版新增。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/session_dialog.py" line="-80"/>
        <source>New counselling session</source>
        <translation>新建辅导记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit counselling session</source>
        <translation>编辑辅导记录</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. the student, his mother</source>
        <translation>例如：学生本人、母亲</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agreed:</source>
        <translation>已约定：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Participants</source>
        <translation>参与人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Risk check</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Self-harm or harm to others breaks confidentiality: after saving you record when the head teacher and the guardian were told.</source>
        <translation>自伤或他伤风险属于保密例外：保存后须登记告知班主任和家长的时间。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next appointment</source>
        <translation>下次预约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without one, the next follow-up comes from the tier&apos;s interval.</source>
        <translation>不预约时，下次随访按分级对应的间隔安排。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Presenting state</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/task_dialog.py" line="+29"/>
        <source>Mark a notification done</source>
        <translation>标记通报已完成</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tell: %1 — due %2</source>
        <translation>通报：%1 — 期限 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the person said, or that they signed</source>
        <translation>对方的答复，或已签收回执</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Told by</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Acknowledgement</source>
        <translation>回执</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/tier_dialog.py" line="-33"/>
        <source>Change the tier</source>
        <translation>调整分级</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Current tier: %1</source>
        <translation>当前分级：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New tier</source>
        <translation>新分级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Based on</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the decision rests on: the interview, the scores, the report.</source>
        <translation>作出决定的依据：访谈、测评得分、上报情况等。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Review before lowering (研判) *</source>
        <translation>降级前研判 *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required when lowering: who reviewed the case, and the finding.</source>
        <translation>降级时必填：研判人员及研判结论。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Lowering a tier notifies nobody; it needs the review record below.</source>
        <translation>降级不会通报任何人，但须填写下方的研判记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The student is already at this tier.</source>
        <translation>该学生已处于此分级。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raising the tier creates the notification tasks of the new tier&apos;s list (who must be told, and by when).</source>
        <translation>升级将按新分级的通报名单生成通报任务（须告知谁、何时之前完成）。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The tier was changed. %1 notification task(s) were created: they are listed under “Notifications” on this tab, each with whom to tell and by when.</source>
        <translation>分级已调整，已生成 %1 项通报任务：列在本页“通报”下，每项注明通报对象和期限。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The tier was changed. No notification task was created.</source>
        <translation>分级已调整，未生成通报任务。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier changed</source>
        <translation>分级已调整</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/leave_dialogs.py" line="-40"/>
        <source>Start a leave (休学)</source>
        <translation>登记休学</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file stays open while the student is on leave; scheduled follow-up pauses until the return is recorded.</source>
        <translation>休学期间档案保持开案；定期随访暂停，直到登记复学。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Known:</source>
        <translation>已知：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the family and the hospital said, factually</source>
        <translation>如实记录家长和医院的说法</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 市精神卫生中心 诊断证明书, 2026-11-02, No. 2026-1187</source>
        <translation>例如：市精神卫生中心 诊断证明书，2026-11-02，编号 2026-1187</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Leave from</source>
        <translation>休学日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected return</source>
        <translation>预计复学日期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hospital certificate</source>
        <translation>医院证明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who issued it, its date and number.</source>
        <translation>开具单位、日期和编号。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancel a leave entered in error</source>
        <translation>撤销误录的休学</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The leave from %1 is marked as entered in error: the student counts as enrolled again and follow-up resumes. If the student really was away, record the return instead.</source>
        <translation>%1 起的休学将标记为误录：该学生恢复为在读，随访也随之恢复。如果学生确实休学了，请改为登记复学。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. recorded for the wrong student</source>
        <translation>例如：登记到了别的学生名下</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel the leave</source>
        <translation>撤销休学</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/referral_dialog.py" line="+40"/>
        <source>Propose a referral</source>
        <translation>提出转介</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the directory…</source>
        <translation>正在读取转介机构名录…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. for three weeks sleeps four hours a night, cried twice in class, said “nothing makes sense”; PHQ-9 17 on 2026-11-02</source>
        <translation>例如：近三周每晚只睡四小时，课堂上哭过两次，说“什么都没有意义”；2026-11-02 PHQ-9 得分 17</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>To</source>
        <translation>转介机构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hospitals, hotlines and services of the school&apos;s directory (Settings).</source>
        <translation>学校转介机构名录（见“设置”）中的医院、心理热线和心理服务机构。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason for the referral</source>
        <translation>转介原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write facts — what was seen, heard, scored and when — not a diagnosis: the hospital and the family read this.</source>
        <translation>请写事实（观察到、听到的情况，测评得分及时间），不要写诊断：医院和家长都会看到这些内容。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Propose</source>
        <translation>提出</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The directory holds no institution: an administrator adds hospitals, hotlines and services under Settings.</source>
        <translation>转介机构名录中还没有机构：请管理员在“设置”中添加医院、心理热线和心理服务机构。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The directory could not be read: %1</source>
        <translation>无法读取转介机构名录：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the institution.</source>
        <translation>请选择转介机构。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/referral_feedback_dialog.py" line="+39"/>
        <source>Record the hospital&apos;s feedback</source>
        <translation>登记医院反馈</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Referral to %1, now %2; its last step was on %3.</source>
        <translation>转介至%1，当前状态：%2；最近一步在 %3。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seen:</source>
        <translation>已就诊：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the hospital told the school</source>
        <translation>医院告知学校的情况</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. no PE exams for a month</source>
        <translation>例如：一个月内免考体育</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Feedback received on</source>
        <translation>收到反馈日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day the student was seen</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The referral is only marked sent: feedback needs the day of the visit.</source>
        <translation>该转介只标记了已转介：登记反馈须同时填写就诊日期。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Feedback</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Diagnosis as told by the hospital (information received)</source>
        <translation>医院告知的诊断（仅作信息记录）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only what the hospital or the family shared; the school does not diagnose.</source>
        <translation>只记录医院或家长告知的内容；学校不作诊断。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Treatment</source>
        <translation>治疗情况</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Advice to the school</source>
        <translation>对学校的建议</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/referral_step_dialog.py" line="-14"/>
        <source>Ask the guardian for consent</source>
        <translation>征求家长同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the referral sent</source>
        <translation>标记为已转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that the student was seen</source>
        <translation>登记已就诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the referral</source>
        <translation>结束转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw the referral</source>
        <translation>撤回转介</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Asked on</source>
        <translation>征求日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent on</source>
        <translation>转介日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen on</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. consent form given to the mother at the meeting</source>
        <translation>例如：面谈时将知情同意书交给母亲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. by the green channel, letter handed to the father</source>
        <translation>例如：经绿色通道转介，转介函已交给父亲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. outpatient visit, 儿少心理科</source>
        <translation>例如：门诊就诊，儿少心理科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. the hospital&apos;s advice is in the plan</source>
        <translation>例如：医院建议已纳入方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. the family chose another hospital</source>
        <translation>例如：家长选择了其他医院</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referral to %1 (%2), now %3; its last step was on %4.</source>
        <translation>转介至%1（%2），当前状态：%3；最近一步在 %4。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/return_dialog.py" line="+36"/>
        <source>Record the return to school (复学)</source>
        <translation>登记复学</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On leave since %1, expected back %2.</source>
        <translation>自 %1 起休学，预计 %2 复学。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On leave since %1.</source>
        <translation>自 %1 起休学。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After the return, follow-up is closer for the first weeks (school policy).</source>
        <translation>复学后的最初几周将密切随访（按学校策略）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Who issued it, its date and number</source>
        <translation>开具单位、日期和编号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only when there is no certificate: why</source>
        <translation>仅在没有证明时填写：原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 班主任王老师, 心理委员李同学</source>
        <translation>例如：班主任王老师、心理委员李同学</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 每周一次</source>
        <translation>例如：每周一次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parents applied on</source>
        <translation>家长申请日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return meeting on</source>
        <translation>复学会议日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back at school on</source>
        <translation>复学日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recovery certificate</source>
        <translation>康复证明</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No certificate: the reason</source>
        <translation>无证明的原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counsellor&apos;s assessment</source>
        <translation>心理教师评估</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return plan</source>
        <translation>复学计划</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who watches</source>
        <translation>关注人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The head teacher and the class&apos;s peer supporter, by name.</source>
        <translation>写明班主任和本班心理委员的姓名。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Counselling frequency</source>
        <translation>辅导频次</translation>
    </message>
</context>
<context>
    <name>CoverLetter</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/cover_letter.py" line="+41"/>
        <source>The cover letter was not made: %1</source>
        <translation>未能生成档案转接函：%1</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/batch_detail.py" line="+29"/>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../src/counselroom/ui/wizard/create_page.py" line="+51"/>
        <source>Creating the vault</source>
        <translation>正在创建数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This takes a few seconds. Please do not switch off the computer.</source>
        <translation>这需要几秒钟，请勿关闭计算机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measuring this computer to set the password protection (Argon2id)</source>
        <translation>正在测定本机性能，以设定密码保护强度（Argon2id）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creating the encrypted database and the key file</source>
        <translation>正在创建加密数据库和密钥文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The vault could not be created: %1</source>
        <translation>无法创建数据库：%1</translation>
    </message>
</context>
<context>
    <name>DashboardItemModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/dashboard_sections.py" line="+142"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../src/counselroom/ui/dashboard_page.py" line="+53"/>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-ups due or overdue</source>
        <translation>随访到期或逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never followed up</source>
        <translation>从未随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification tasks</source>
        <translation>通报任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interviews pending</source>
        <translation>待访谈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan reviews due</source>
        <translation>方案复评到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrals awaiting feedback</source>
        <translation>转介待反馈</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 overdue</source>
        <translation>逾期 %1 项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a line to open the student&apos;s file</source>
        <translation>双击一行可打开学生档案</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../src/counselroom/ui/documents/print_actions.py" line="+51"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Print document…</source>
        <translation>打印文书…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Printing documents needs a counsellor account.</source>
        <translation>打印文书需要心理教师账户。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the file…</source>
        <translation>正在读取档案…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The documents could not be listed: %1</source>
        <translation>无法列出文书：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preparing the document…</source>
        <translation>正在准备文书…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No documents.</source>
        <translation>没有可打印的文书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview, print or save a document of this file</source>
        <translation>预览、打印或保存本档案的文书</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Your account may not print documents.</source>
        <translation>您的账户不能打印文书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unexpected error (%1).</source>
        <translation>意外错误（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document was not prepared</source>
        <translation>文书未能准备</translation>
    </message>
</context>
<context>
    <name>DocumentErrors</name>
    <message>
        <location filename="../../src/counselroom/ui/documents/errors.py" line="+23"/>
        <source>No font on this PC can print %1 in “%2”: install a Chinese font that has it and choose it in Settings → Printing font, or write the text another way. Nothing was printed.</source>
        <translation>本机没有字体能打印“%2”中的 %1：请安装含有该字的中文字体并在 设置 → 打印字体 中选择，或改用其他写法。本次没有打印。</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../../src/counselroom/ui/documents/printing.py" line="+48"/>
        <source>Print document</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/documents/save_path.py" line="+23"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/documents/preview_dialog.py" line="+97"/>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>and %1 more</source>
        <translation>等另外 %1 份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document number(s): %1</source>
        <translation>文书编号：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 documents</source>
        <translation>共 %1 份文书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>built-in wording</source>
        <translation>内置措辞</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wording: version %1</source>
        <translation>措辞：第 %1 版</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 student(s) left out of this batch:</source>
        <translation>本批未包含 %1 名学生：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not printed.</source>
        <translation>未打印。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printed and recorded in the file.</source>
        <translation>已打印，并已记入档案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed, but not recorded: %1</source>
        <translation>已打印，但未能记录：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording the print…</source>
        <translation>正在记录打印…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printed, but not recorded: the window is locked.</source>
        <translation>已打印，但未能记录：窗口已锁定。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save document as PDF</source>
        <translation>将文书另存为 PDF</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>your account may not do this</source>
        <translation>您的账户不能执行此操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Close this preview and prepare the document again.</source>
        <translation>%1 请关闭此预览，重新准备文书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected error (%1)</source>
        <translation>意外错误（%1）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/export_dialog.py" line="+68"/>
        <source>Send student files to another school</source>
        <translation>向其他学校转出学生档案</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print &amp;cover letter…</source>
        <translation>打印档案转接函(&amp;C)…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Students:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>接收学校：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose:</source>
        <translation>目的：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent:</source>
        <translation>知情同意：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Could not read the vault: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the transfer archive</source>
        <translation>保存转接档案</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose at least one student.</source>
        <translation>请至少选择一名学生。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say why the files are handed over (purpose).</source>
        <translation>请说明移交档案的目的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the family&apos;s consent (PIPL art. 23).</source>
        <translation>请登记家长的知情同意（《个人信息保护法》第二十三条）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose where to save the archive.</source>
        <translation>请选择转接档案的保存位置。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a passphrase</source>
        <translation>持有口令的学校</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 student(s) will be sent to %2 and marked 转出 (transferred out).</source>
        <translation>%1 名学生的档案将发送给%2，并标记为转出。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Send the files of %1 student(s) to %2? They will be marked 转出 (transferred out) here.</source>
        <translation>将 %1 名学生的档案发送给%2吗？这些学生在本校将被标记为转出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the holder of the passphrase</source>
        <translation>口令持有方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send student files?</source>
        <translation>发送学生档案？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Preparing the archive…</source>
        <translation>正在准备转接档案…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 student(s) exported and marked 转出 (transferred out).
File: %2
SHA-256: %3</source>
        <translation>已导出 %1 名学生的档案，并已标记为转出。
文件：%2
SHA-256：%3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancelled: nothing was written and no student was marked.</source>
        <translation>已取消：没有写入任何文件，也没有标记任何学生。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/transfers/export_parts.py" line="+28"/>
        <source>Transfer archive (*.crx)</source>
        <translation>转接档案 (*.crx)</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/field_errors.py" line="+28"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The last character (the check character) is %1 but should be %2 for the 17 before it: a character is probably mistyped.</source>
        <translation>最后一位（校验码）是 %1，但按前 17 位计算应为 %2：可能有字符输错。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An ID number has %1 characters; this one has %2.</source>
        <translation>身份证号应为 %1 位，当前为 %2 位。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Character %1 must be a digit, not “%2”.</source>
        <translation>第 %1 位应为数字，而不是“%2”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last character must be a digit or X, not “%1”.</source>
        <translation>最后一位应为数字或 X，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The first six digits (%1) are not a valid region code.</source>
        <translation>前六位（%1）不是有效的行政区划代码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A student no. starts with G.</source>
        <translation>学籍号应以 G 开头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A student no. has %1 characters (G and the 18-character ID number); this one has %2.</source>
        <translation>学籍号应为 %1 位（G 加 18 位身份证号），当前为 %2 位。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Another student in this vault has the student no. %1.</source>
        <translation>数据库中已有另一名学生使用学籍号 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The birth date %1 is in the future.</source>
        <translation>出生日期 %1 晚于今天。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The birth date %1 does not exist.</source>
        <translation>出生日期 %1 不存在。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The birth date %1 is before %2: please check it.</source>
        <translation>出生日期 %1 早于 %2 年，请核对。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The ID number says born %1, but the birth date field says %2.</source>
        <translation>身份证号显示出生日期为 %1，但出生日期栏填写的是 %2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The ID number says %1, but the gender field says %2.</source>
        <translation>身份证号显示性别为%1，但性别栏填写的是%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A name may have at most %1 characters.</source>
        <translation>姓名最多 %1 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A phone number may hold only digits, spaces, “-” and “+”.</source>
        <translation>电话号码只能包含数字、空格、“-”和“+”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A phone number has %1 to %2 characters.</source>
        <translation>电话号码应为 %1 至 %2 个字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A phone number has at least %1 digits.</source>
        <translation>电话号码至少应有 %1 位数字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only one line of ordinary text, please (no control characters).</source>
        <translation>请只填写一行普通文字（不含控制字符）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>At most %1 family members.</source>
        <translation>家庭成员最多 %1 人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That class no longer exists; choose another.</source>
        <translation>该班级已不存在，请另选。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown care group “%1”.</source>
        <translation>未知的关爱群体“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose male, female or not given.</source>
        <translation>请选择男、女或未填写。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required: the student was at tier 3, so the district&apos;s closure evaluation must be recorded.</source>
        <translation>必填：该学生曾处于 3 级，须记录区县结案评估。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is in the future (today is %2).</source>
        <translation>%1 晚于今天（今天是 %2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This time is in the future.</source>
        <translation>该时间晚于现在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is in the past (today is %2).</source>
        <translation>%1 早于今天（今天是 %2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is more than %2 days ahead.</source>
        <translation>%1 晚于今天超过 %2 天。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is before the student&apos;s enrolment (%2).</source>
        <translation>%1 早于该学生的入学日期（%2）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is before the student&apos;s birth date (%2).</source>
        <translation>%1 早于该学生的出生日期（%2）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is before the file was opened or reopened (%2).</source>
        <translation>%1 早于建档或重新开案日期（%2）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is %1 characters long; at most %2.</source>
        <translation>当前为 %1 个字符，最多 %2 个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The student is already at tier %1.</source>
        <translation>该学生当前已是 %1 级。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lowering a tier needs the review record (研判): who reviewed, and what.</source>
        <translation>降级须填写研判记录：研判人员及研判结论。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 minutes is not possible: 1 to %2 minutes.</source>
        <translation>不能为 %1 分钟：应为 1 至 %2 分钟。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The next appointment must be after this session.</source>
        <translation>下次预约须晚于本次辅导。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is before the session started: give the time the person was told.</source>
        <translation>该时间早于辅导开始时间：请填写实际告知的时间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tick who was told (the head teacher, the guardian or both) and when.</source>
        <translation>请勾选已告知的对象（班主任、家长或两者）并填写时间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A plan needs at least one measure: who does what, how often.</source>
        <translation>方案至少需要一项措施：谁做什么、多久一次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A plan review must say what changed and why.</source>
        <translation>方案复评须写明调整内容及原因。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is closed (结案): reopen it with a reason first.</source>
        <translation>档案已结案：请先填写原因并重新开案。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The enrolment day %1 is before %2: please check it.</source>
        <translation>入学日期 %1 早于 %2 年，请核对。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%2 counselling session(s) and %3 parent contact(s) are dated before %1, the earliest on %4: the enrolment day cannot be later than they are.</source>
        <translation>已有 %2 次辅导记录和 %3 次家校沟通记录早于 %1，最早的在 %4：入学日期不能晚于这些记录。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not a date. Write it as year-month-day, for example 2012-09-01.</source>
        <translation>不是有效日期。请按“年-月-日”填写，例如 2012-09-01。</translation>
    </message>
</context>
<context>
    <name>FileHeaderView</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/header.py" line="+43"/>
        <source>Care groups:</source>
        <translation>关爱群体：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Student no.: %1</source>
        <translation>学籍号：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class: %1</source>
        <translation>班级：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head teacher: %1</source>
        <translation>班主任：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next follow-up: %1</source>
        <translation>下次随访：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none planned</source>
        <translation>未安排</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a school without a card</source>
        <translation>无名片的学校</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transferred out: %1 to %2</source>
        <translation>转出：%1，转至%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File came from %2 on %1</source>
        <translation>转入：%1，来自%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/counselroom/ui/wizard/wizard.py" line="+51"/>
        <source>CounselRoom — first start</source>
        <translation>CounselRoom 心理辅导室 — 首次启动</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Recovery code not confirmed</source>
        <translation>恢复码尚未确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The vault in %1 has been created, but you have not confirmed that you wrote down the recovery code, and it will not be shown again. Without it a forgotten administrator password cannot be reset.

Close anyway?</source>
        <translation>%1 中的数据库已创建，但您尚未确认已抄下恢复码，而恢复码不会再次显示。没有恢复码，忘记的管理员密码将无法重置。

仍要关闭吗？</translation>
    </message>
</context>
<context>
    <name>FontsGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_fonts.py" line="+54"/>
        <source>Printing font (this computer)</source>
        <translation>打印字体（本机）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Looking for fonts…</source>
        <translation>正在查找字体…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chinese fonts found on this computer</source>
        <translation>本机找到的中文字体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose font &amp;file…</source>
        <translation>选择字体文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use selected</source>
        <translation>使用所选字体(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Automatic</source>
        <translation>自动(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the best Chinese font found on this PC</source>
        <translation>使用本机找到的最合适的中文字体</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Documents print with:</source>
        <translation>文书打印字体：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font file:</source>
        <translation>字体文件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found on this PC:</source>
        <translation>本机字体：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fonts not read: %1</source>
        <translation>未能读取字体：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>STSong-Light, built into PDF readers (not embedded)</source>
        <translation>STSong-Light（PDF 阅读器内置，不嵌入文件）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (embedded in every document)</source>
        <translation>%1（嵌入每份文书）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>titles: %1</source>
        <translation>标题：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>automatic — the best Chinese font found on this PC</source>
        <translation>自动 — 本机找到的最合适的中文字体</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — not used: %2. The best font found on this PC is used instead.</source>
        <translation>%1 — 未使用：%2。改用本机找到的最合适的字体。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No Chinese TrueType font was found: documents use STSong-Light, which is not embedded in the PDF, so printing may look different on other PCs and rare characters in names may be missing. Install a Chinese TrueType font (for example SimSun, SimHei or WenQuanYi Zen Hei) and choose it here.</source>
        <translation>未找到中文 TrueType 字体：文书使用 STSong-Light，该字体不嵌入 PDF，在其他电脑上打印效果可能不同，姓名中的生僻字也可能缺失。请安装一种中文 TrueType 字体（例如宋体、黑体或文泉驿正黑），并在此选择。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a Chinese font file</source>
        <translation>选择中文字体文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TrueType fonts (*.ttf *.ttc *.TTF *.TTC)</source>
        <translation>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved. Documents use the best Chinese font found on this PC.</source>
        <translation>已保存。文书使用本机找到的最合适的中文字体。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. Documents print with %1.</source>
        <translation>已保存。文书使用 %1 打印。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 不能使用：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the settings could not be written (%1)</source>
        <translation>无法写入设置（%1）</translation>
    </message>
</context>
<context>
    <name>GradeCountModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/statistics_models.py" line="+68"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Students</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open files</source>
        <translation>在管个案</translation>
    </message>
</context>
<context>
    <name>GroupCountModel</name>
    <message>
        <location line="+23"/>
        <source>Care group</source>
        <translation>关爱群体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Students</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>GuardiansTable</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/guardians_table.py" line="+43"/>
        <location line="+137"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+138"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="-138"/>
        <location line="+139"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+12"/>
        <source>Legal guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+58"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+58"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../src/counselroom/ui/header_bar.py" line="+31"/>
        <source>Signed in: %1 (%2, %3)</source>
        <translation>当前用户：%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(school name not set)</source>
        <translation>（未设置学校名称）</translation>
    </message>
</context>
<context>
    <name>HistoryGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/history.py" line="+26"/>
        <source>Transfers sent and received</source>
        <translation>转出与转入记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No archive was sent or received yet.</source>
        <translation>尚未发送或接收过转接档案。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_templates_model.py" line="+101"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../src/counselroom/ui/transfers/models.py" line="+83"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The wording CounselRoom comes with</source>
        <translation>CounselRoom 自带的措辞</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/transfers/models.py" line="-7"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other school</source>
        <translation>对方学校</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent with</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(a school without a card)</source>
        <translation>（无名片的学校）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_templates_model.py" line="+17"/>
        <source>&amp;Restore into editor</source>
        <translation>恢复到编辑框(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/intake/mapping_model.py" line="+159"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Row %1 of the file</source>
        <translation>文件第 %1 行</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field of column %1 (%2)</source>
        <translation>%1 列（%2）对应的字段</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 data rows. Row %2 of the file is the header; the first %3 rows are shown. Choose the field of each column in the first line.</source>
        <translation>共 %1 行数据。文件第 %2 行是表头，下面显示前 %3 行。请在第一行为每一列选择对应的字段。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>“%1” was the field of column %2 before; column %2 is now ignored.</source>
        <translation>“%1”原先对应 %2 列；%2 列现已改为忽略。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Required, not chosen for any column yet: %1</source>
        <translation>以下必填字段尚未对应任何列：%1</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/intake/report_model.py" line="+133"/>
        <source>&amp;Problems only</source>
        <translation>仅显示问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/intake/import_dialog.py" line="+95"/>
        <source>Choose an .xlsx or .csv file. Its first rows are shown with the field each column holds: correct the choices where needed, then “Check” lists every problem without saving anything. “Import” saves the rows without problems.</source>
        <translation>请选择 .xlsx 或 .csv 文件。下方会显示文件的前几行以及每列对应的字段：如有不对请更正，然后点击“检查”列出全部问题，此时不会保存任何内容。点击“导入”将保存没有问题的行。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List every problem and change; nothing is saved</source>
        <translation>列出全部问题和变更，不保存任何内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../src/counselroom/ui/transfers/import_dialog.py" line="+107"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the rows the check found without problems</source>
        <translation>保存检查中未发现问题的行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>电子表格 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The columns changed: check again before importing.</source>
        <translation>列的对应关系已更改：请重新检查后再导入。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The window is locked: nothing was done.</source>
        <translation>窗口已锁定：未执行任何操作。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/counselroom/ui/transfers/import_dialog.py" line="+78"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing to import: no row would be added or changed.</source>
        <translation>没有可导入的内容：没有需要新增或更改的行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The check failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The column choices were not remembered: %1</source>
        <translation>未能记住列的对应关系：%1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Please wait until this step has finished; then the dialog can close.</source>
        <translation>请等待此步骤完成，之后才能关闭对话框。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/transfers/import_dialog.py" line="-132"/>
        <source>Transfer archive (*.crx);;All files (*)</source>
        <translation>转接档案 (*.crx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Receive student files</source>
        <translation>接收学生档案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Choose archive…</source>
        <translation>选择转接档案(&amp;C)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase the sending school gave you</source>
        <translation>发送学校告诉您的口令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I compared the fingerprint with the sending school by phone or on paper; trust this school</source>
        <translation>我已通过电话或纸质材料与发送学校核对过指纹；信任该校</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Archive:</source>
        <translation>转接档案：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the archive (*.crx) the other school sent.</source>
        <translation>请选择对方学校发来的转接档案（*.crx）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a transfer archive</source>
        <translation>打开转接档案</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This archive is protected by a passphrase.</source>
        <translation>此转接档案受口令保护。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not opened: %1</source>
        <translation>未打开：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the archive…</source>
        <translation>正在检查转接档案…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every check passed. Nothing is imported until you press Import.</source>
        <translation>所有检查均已通过。在您点击“导入”之前，不会导入任何内容。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing new: this archive was imported before; nothing changed.</source>
        <translation>没有新内容：此转接档案以前已导入过；未作任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported: %1 new, %2 merged, %3 without change, %4 refused.</source>
        <translation>已导入：新增 %1 名，合并 %2 名，无变化 %3 名，拒绝 %4 名。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was added to the trust list.</source>
        <translation>%1 已加入信任列表。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewView</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/import_preview.py" line="+54"/>
        <source>From:</source>
        <translation>发送学校：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standing:</source>
        <translation>信任状态：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent with:</source>
        <translation>加密方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made:</source>
        <translation>制作时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose:</source>
        <translation>目的：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent:</source>
        <translation>知情同意：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 student(s): %2 new, %3 merged, %4 without change, %5 refused.</source>
        <translation>共 %1 名学生：新增 %2 名，合并 %3 名，无变化 %4 名，拒绝 %5 名。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This archive is signed as %1, but the card trusted for %2 has other keys. It may be that school after a reinstall — or someone pretending to be it. Call the school at a number you already know and compare the fingerprint before importing.</source>
        <translation>此转接档案的签名方为 %1，但信任列表中 %2 的名片使用的是另一组密钥。这可能是该校重装系统后的新密钥，也可能是有人冒充该校。请拨打您原本就知道的该校电话，核对指纹后再导入。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This school is not on the trust list. Compare the fingerprint above with the school by phone or on paper before importing; importing adds it to the list.</source>
        <translation>该校不在信任列表中。导入前请通过电话或纸质材料与该校核对上面的指纹；导入后该校将加入信任列表。</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../src/counselroom/ui/intake/report_model.py" line="-87"/>
        <source>file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>IncomingModel</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/models.py" line="+25"/>
        <source>Student no.</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>InstitutionDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/institution_dialog.py" line="+65"/>
        <source>Add an institution</source>
        <translation>添加转介机构</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit an institution</source>
        <translation>编辑转介机构</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 市精神卫生中心</source>
        <translation>例如：市精神卫生中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 儿童青少年心理科</source>
        <translation>例如：儿童青少年心理科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 023-12345678</source>
        <translation>例如：023-12345678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who takes a referral through the green channel</source>
        <translation>经绿色通道接收转介的联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 周一至周五 8:00-17:00</source>
        <translation>例如：周一至周五 8:00-17:00</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>科室(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact person:</source>
        <translation>联系人(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Green-channel contact:</source>
        <translation>绿色通道联系人(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours:</source>
        <translation>服务时间(&amp;H)：</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Not saved: only an administrator can change the directory.</source>
        <translation>未保存：仅管理员可以修改转介机构名录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: unexpected error (%1).</source>
        <translation>未保存：发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>InstitutionsGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_institutions.py" line="+53"/>
        <source>Institutions for referral</source>
        <translation>转介机构</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;deleted</source>
        <translation>显示已删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;tore</source>
        <translation>恢复(&amp;T)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only an administrator can change the directory.</source>
        <translation>仅管理员可以修改转介机构名录。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Hospitals, hotlines and services that students are referred to. A deleted entry stays with the referrals that went to it and can be restored.</source>
        <translation>学生可转介到的医院、心理热线和心理服务机构。删除的机构仍保留在已有的转介记录中，并可恢复。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not read the directory: %1</source>
        <translation>无法读取转介机构名录：%1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the window is locked</source>
        <translation>窗口已锁定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete “%1” from the directory?</source>
        <translation>要从转介机构名录中删除“%1”吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its %1 referral(s) keep it; it can be restored later.</source>
        <translation>已有的 %1 例转介仍保留该机构；以后可以恢复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete an institution?</source>
        <translation>删除转介机构？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted: %1.</source>
        <translation>已删除：%1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restored: %1.</source>
        <translation>已恢复：%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved: only an administrator can change the directory.</source>
        <translation>未保存：仅管理员可以修改转介机构名录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: unexpected error (%1).</source>
        <translation>未保存：发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>InstitutionsModel</name>
    <message>
        <location filename="../../src/counselroom/ui/institutions_model.py" line="+34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green-channel contact</source>
        <translation>绿色通道联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact person: %1</source>
        <translation>联系人：%1</translation>
    </message>
</context>
<context>
    <name>ItemKeyEditor</name>
    <message>
        <location filename="../../src/counselroom/ui/cutoff_editors.py" line="+36"/>
        <source>Item %1: ticked, 是 scores a point</source>
        <translation>第 %1 题：勾选时答“是”计 1 分</translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/ledger_model.py" line="+69"/>
        <source>Student no.</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head teacher</source>
        <translation>班主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In group since</source>
        <translation>纳入日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>档案状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next follow-up</source>
        <translation>下次随访</translation>
    </message>
</context>
<context>
    <name>LedgersPage</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/ledgers_page.py" line="+48"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Ledgers</source>
        <translation>台账</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Group:</source>
        <translation>关爱群体(&amp;G)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export .xlsx…</source>
        <translation>导出 .xlsx(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print ledger…</source>
        <translation>打印台账(&amp;P)…</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 students</source>
        <translation>共 %1 名学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No student on the roll is recorded in this group.</source>
        <translation>暂无在册学生登记为此关爱群体。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click a line to open the student&apos;s file</source>
        <translation>双击一行可打开学生档案</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving a ledger puts names on disk: a counsellor or administrator account is needed</source>
        <translation>保存台账会把学生姓名写入磁盘：需要心理教师或管理员账户</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save this ledger as an Excel workbook</source>
        <translation>将此台账保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview this ledger as a document to print or save as PDF</source>
        <translation>将此台账预览为文书，可打印或另存为 PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing a ledger puts names on paper: a counsellor or administrator account is needed</source>
        <translation>打印台账会把姓名印在纸上：需要心理教师或管理员账户</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 ledger-%2.xlsx</source>
        <translation>%1台账-%2.xlsx</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows saved to %2</source>
        <translation>已将 %1 行保存到 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your account may not export ledgers.</source>
        <translation>您的账户无权导出台账。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not exported (unexpected error): %1</source>
        <translation>未导出（发生意外错误）：%1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your account may not print ledgers.</source>
        <translation>您的账户不能打印台账。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not printed (unexpected error): %1</source>
        <translation>未打印（意外错误）：%1</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/page_base.py" line="+69"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read this page again from the vault</source>
        <translation>从数据库重新读取本页</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Your account may not see this page.</source>
        <translation>您的账户无权查看本页。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not read the vault: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../src/counselroom/ui/lock.py" line="+147"/>
        <source>CounselRoom is locked</source>
        <translation>CounselRoom 已锁定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose the account to sign in with.</source>
        <translation>请选择要登录的账户。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed in: %1 (%2, %3). Type the password to go on.</source>
        <translation>当前用户：%1（%2，%3）。请输入密码以继续。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Type the password of “%1”.</source>
        <translation>请输入“%1”的密码。</translation>
    </message>
</context>
<context>
    <name>LoginError</name>
    <message>
        <location filename="../../src/counselroom/ui/login_errors.py" line="+31"/>
        <source>There is no account named “%1” in this vault.</source>
        <translation>本数据库中没有名为“%1”的账户。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account “%1” is disabled. Ask an administrator for help.</source>
        <translation>账户“%1”已停用，请联系管理员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong password for “%1”. Check Caps Lock and the input method, then try again.</source>
        <translation>用户“%1”的密码错误。请检查大写锁定键和输入法，然后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This vault is already open in another CounselRoom window or command. Close it, then sign in again.</source>
        <translation>此数据库已在另一个 CounselRoom 窗口或命令中打开。请先关闭它，再重新登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The vault cannot be opened: it is damaged, was changed outside CounselRoom, or was written by a newer version. Restore it from a backup or update CounselRoom.
Details: %1</source>
        <translation>无法打开数据库：文件已损坏、在 CounselRoom 之外被修改，或由更新的版本写入。请从备份恢复，或更新 CounselRoom。
详情：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not sign in: %1</source>
        <translation>无法登录：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error while signing in (%1). Please report it.</source>
        <translation>登录时发生意外错误（%1），请报告此问题。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No usable vault in %1. Create one with “counselroom init”, or try the demo with “counselroom --demo”.
Details: %2</source>
        <translation>%1 中没有可用的数据库。请用“counselroom init”新建，或用“counselroom --demo”试用演示数据库。
详情：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the vault folder %1 (%2).</source>
        <translation>无法读取数据库文件夹 %1（%2）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The recovery code is not complete or has a typo: it has 8 groups of 6 digits, exactly as on the recovery sheet.</source>
        <translation>恢复码不完整或有输入错误：恢复码共 8 组、每组 6 位数字，请按恢复单上的内容准确输入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This recovery code does not open this vault: it belongs to another vault, or it was replaced when it was last used. Use the newest recovery code.</source>
        <translation>此恢复码无法打开本数据库：它属于另一个数据库，或已在上次使用时被更换。请使用最新的恢复码。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account “%1” is disabled; the recovery code cannot bring it back. Another administrator can create a new account.</source>
        <translation>账户“%1”已停用，恢复码无法恢复该账户。可请其他管理员新建账户。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../src/counselroom/ui/login.py" line="+115"/>
        <source>CounselRoom — %1</source>
        <translation>CounselRoom 心理辅导室 — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CounselRoom counselling room</source>
        <translation>CounselRoom 心理辅导室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vault: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo vault: user name %1, password %2</source>
        <translation>演示数据库：用户名 %1，密码 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+174"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>Forgot password?</source>
        <translation>忘记密码？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>This vault has no user accounts that can sign in.</source>
        <translation>此数据库中没有可以登录的用户账户。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the password of “%1”.</source>
        <translation>请输入“%1”的密码。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Password reset</source>
        <translation>密码已重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in as “%1” with the new password.</source>
        <translation>请使用新密码以“%1”登录。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The vault was restored from the backup. Sign in as before.</source>
        <translation>已从备份恢复数据库。请照常登录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The vault that was there is kept in %1.</source>
        <translation>原来的数据库保存在 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/counselroom/ui/main_window.py" line="+98"/>
        <source>CounselRoom</source>
        <translation>CounselRoom 心理辅导室</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Could not read the school profile: %1</source>
        <translation>无法读取学校信息：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backing up before closing…</source>
        <translation>正在关闭前备份…</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/students_page.py" line="+132"/>
        <source>Loading students…</source>
        <translation>正在载入学生名单…</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/main_window.py" line="+92"/>
        <source>CounselRoom — %1</source>
        <translation>CounselRoom 心理辅导室 — %1</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/students_page.py" line="+10"/>
        <source>Could not load the students: %1</source>
        <translation>无法载入学生名单：%1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1 students in all, %2 shown</source>
        <translation>共 %1 名学生，显示 %2 名</translation>
    </message>
</context>
<context>
    <name>NavList</name>
    <message>
        <location filename="../../src/counselroom/ui/nav.py" line="+43"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/documents/note_dialog.py" line="+30"/>
        <source>Prepare %1</source>
        <translation>准备%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An addition printed in the document for this student (optional). Leave it empty to print the school&apos;s wording alone.</source>
        <translation>为这名学生印在文书中的补充说明（可不填）。不填则只打印学校的统一措辞。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. please call the counselling room this week</source>
        <translation>例如：请本周内与心理辅导室联系</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
</context>
<context>
    <name>OwnCardGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/own_card.py" line="+31"/>
        <source>School card (*.crcard)</source>
        <translation>学校名片 (*.crcard)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This school&apos;s card</source>
        <translation>本校名片</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other schools need this card to send files here and to check files sent from here. Send the card file any way you like, then read the fingerprint to their counsellor by phone (or on paper): that is how a forged card is caught. The card holds no student data and no secret.</source>
        <translation>其他学校需要这张名片，才能向本校发送档案，并核验本校发出的档案。名片文件可以用任何方式发送，然后请通过电话（或纸质材料）把指纹念给对方的心理教师核对：伪造的名片正是这样被识破的。名片中不含任何学生数据，也不含任何机密。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Save card file…</source>
        <translation>保存名片文件(&amp;S)…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save this school&apos;s card</source>
        <translation>保存本校名片</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1. Fingerprint: %2</source>
        <translation>已保存 %1。指纹：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not saved: your account may not export files.</source>
        <translation>未保存：您的账户无权导出文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: unexpected error (%1).</source>
        <translation>未保存：发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../src/counselroom/ui/pages.py" line="+65"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>日程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrals</source>
        <translation>转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledgers</source>
        <translation>台账</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfers</source>
        <translation>档案转接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Activities</source>
        <translation>团体活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
</context>
<context>
    <name>PasswordMeter</name>
    <message>
        <location filename="../../src/counselroom/ui/password_meter.py" line="+77"/>
        <source>too weak</source>
        <translation>太弱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>good</source>
        <translation>较强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rule: at least %1 characters, not all the same character. A short sentence you can remember is better than a short password with symbols.</source>
        <translation>规则：至少 %1 个字符，且不能全是同一个字符。一句容易记住的短句，比带符号的短密码更安全。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Too short: %1 of at least %2 characters</source>
        <translation>太短：已输入 %1 个字符，至少需要 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed: the same character repeated</source>
        <translation>不允许：全是同一个字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strength: %1</source>
        <translation>强度：%1</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../../src/counselroom/ui/documents/pdf_view.py" line="+50"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fit the page to the width</source>
        <translation>按窗口宽度显示页面</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The document cannot be shown (%1).</source>
        <translation>无法显示文书（%1）。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 page(s)</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No document</source>
        <translation>无文书</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/profile_editor.py" line="+62"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>(no class)</source>
        <translation>（无班级）</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Nothing was saved: correct the field marked in red.</source>
        <translation>未保存：请更正标红的字段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved at %1.</source>
        <translation>已于 %1 保存。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was saved: %1 problem(s) are marked in red below.</source>
        <translation>未保存：下方有 %1 处问题已标红。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was saved: your account may not change files.</source>
        <translation>未保存：您的账户无权修改档案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was saved: this file was changed elsewhere after you opened it. Your input is still here; note what you need, reload the file and make the change again.</source>
        <translation>未保存：您打开此档案后，它已在别处被修改。您输入的内容仍在此处；请记下需要的内容，重新载入档案后再修改一次。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was saved because of an unexpected error (%1). Your input is still here: try again, and report the problem if it persists.</source>
        <translation>发生意外错误（%1），未能保存。您输入的内容仍在此处：请重试；如问题持续出现，请报告。</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/profile_form.py" line="+91"/>
        <source>e.g. 2012-09-01</source>
        <translation>例如：2012-09-01</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 2024-09-01</source>
        <translation>例如：2024-09-01</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>G and the ID number</source>
        <translation>G + 身份证号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Basic data</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student no.</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number in class</source>
        <translation>班内学号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolled on</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Family members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Care groups</source>
        <translation>关爱群体</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only a psychology teacher or an administrator can change this page.</source>
        <translation>仅心理教师或管理员可以修改本页。</translation>
    </message>
</context>
<context>
    <name>ReasonFields</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/export_parts.py" line="+24"/>
        <source>e.g. 转学知情同意书 2026-118</source>
        <translation>例如：转学知情同意书 2026-118</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required: a school may hand a child&apos;s data to another only with the family informed and consenting (PIPL art. 23). Write the number or title of the signed consent form; it travels in the archive.</source>
        <translation>必填：学校只有在家长知情并同意的情况下，才能将孩子的个人信息提供给其他学校（《个人信息保护法》第二十三条）。请填写已签署的知情同意书的编号或标题；它将随转接档案一并发送。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>RecipientBox</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/recipient_box.py" line="+44"/>
        <source>A school on the trust list:</source>
        <translation>信任列表中的学校：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A passphrase (the school has no card yet):</source>
        <translation>使用口令（对方学校尚无名片）：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The receiving school (for the transfer record)</source>
        <translation>接收学校（用于转接记录）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>At least %1 characters. Tell it to the other school by phone, never in the message that carries the file.</source>
        <translation>至少 %1 个字符。请通过电话告诉对方学校，切勿写在传送文件的消息里。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(no school on the trust list yet)</source>
        <translation>（信任列表中还没有学校）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the receiving school.</source>
        <translation>请选择接收学校。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeCheck</name>
    <message>
        <location filename="../../src/counselroom/ui/wizard/code_check.py" line="+96"/>
        <source>This recovery code lets an administrator reset a forgotten password. Without it and without a password, nobody — not even the program&apos;s authors — can open the files. It is shown only now.</source>
        <translation>凭此恢复码，管理员可以重置忘记的密码。如果既没有恢复码也没有密码，任何人（包括本程序的作者）都无法打开这些档案。恢复码只在此时显示。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write it on paper now, check every group, and keep the paper in the locked cabinet (专人专柜), away from this PC; this code will not be shown again.</source>
        <translation>请现在抄在纸上，逐组核对，并将纸张锁入保密柜（专人专柜），不要放在这台电脑旁；此恢复码不会再次显示。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Group:</source>
        <translation>该组数字(&amp;G)：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>To show that you have written it down, cover the code and type group %1 of %2 (counting from the top left) from your paper.</source>
        <translation>为确认您已抄好，请遮住上方的恢复码，照着纸上的内容输入第 %1 组（共 %2 组，从左上角数起）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Correct. Keep the paper safe.</source>
        <translation>正确。请妥善保管这张纸。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That is not group %1. Compare your paper with the code above, digit by digit.</source>
        <translation>这不是第 %1 组。请将纸上的内容与上方的恢复码逐位核对。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeInput</name>
    <message>
        <location filename="../../src/counselroom/ui/recovery_dialog.py" line="+75"/>
        <source>Group %1 of the recovery code</source>
        <translation>恢复码第 %1 组</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Check group %1: one digit is wrong or two are swapped.</source>
        <translation>请检查第 %1 组：有一位数字错误，或有两位数字顺序颠倒。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location line="+41"/>
        <source>Reset a password with the recovery code</source>
        <translation>用恢复码重置密码</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type the recovery code from the recovery sheet kept in the locked cabinet, and choose a new password. The recovery code is replaced afterwards: the new one is shown once.</source>
        <translation>请输入专人专柜中恢复单上的恢复码，并设置新密码。重置后恢复码将被更换，新的恢复码只显示一次。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery &amp;code:</source>
        <translation>恢复码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Reset password</source>
        <translation>重置密码(&amp;R)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The password has been reset. The old recovery code no longer works.</source>
        <translation>密码已重置，旧恢复码已失效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>New recovery code not confirmed</source>
        <translation>新恢复码尚未确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The old recovery code no longer works, and the new one will not be shown again. Without it a forgotten password cannot be reset.

Close anyway?</source>
        <translation>旧恢复码已失效，新恢复码不会再次显示。没有它，忘记的密码将无法重置。

仍要关闭吗？</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../src/counselroom/ui/wizard/recovery_page.py" line="+19"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write this code down now. It will not be shown again.</source>
        <translation>请现在抄下此恢复码，它不会再次显示。</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <location filename="../../src/counselroom/ui/recovery_sheet.py" line="+94"/>
        <source>Save the recovery sheet</source>
        <translation>保存恢复码页</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery sheet was not printed: %1</source>
        <translation>恢复码页未打印：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery sheet was not saved: %1</source>
        <translation>恢复码页未保存：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovery sheet saved</source>
        <translation>恢复码页已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved as %1.

This file holds the recovery code: print it, keep the paper in the locked cabinet, and delete the file — or keep it only on a USB drive that stays in the cabinet.</source>
        <translation>已保存为 %1。

此文件包含恢复码：请打印出来，将纸张锁入保密柜，然后删除此文件——或只保存在一直放在保密柜中的 U 盘上。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Print the recovery sheet now (or write the code on paper and check every group) and keep it in the locked cabinet (专人专柜), away from this PC. This code will not be shown again.</source>
        <translation>请现在打印恢复码页（或将恢复码抄在纸上并逐组核对），锁入保密柜（专人专柜），不要放在这台电脑旁。此恢复码不会再次显示。</translation>
    </message>
</context>
<context>
    <name>RecoverySheetButtons</name>
    <message>
        <location line="-74"/>
        <source>&amp;Print recovery sheet…</source>
        <translation>打印恢复码页(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save recovery sheet as PDF…</source>
        <translation>将恢复码页另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The recovery sheet could not be made: %1</source>
        <translation>无法生成恢复码页：%1</translation>
    </message>
</context>
<context>
    <name>ReferralPolicyGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_referrals.py" line="+72"/>
        <source>Referral feedback and return to school</source>
        <translation>转介反馈与复学</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an administrator can change these values.</source>
        <translation>仅管理员可以修改这些数值。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Feedback overdue after:</source>
        <translation>反馈逾期期限(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closer follow-up &amp;every:</source>
        <translation>密切随访间隔(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closer follow-up &amp;count:</source>
        <translation>密切随访次数(&amp;C)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A referral sent to a hospital without feedback this many days later is shown as overdue on the dashboard and in the referral list.</source>
        <translation>转介到医院后超过此天数仍未收到反馈的，将在工作台和转介列表中显示为逾期。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>After a return from leave (复学), the student is seen this often, this many times, before the tier&apos;s usual interval applies again.</source>
        <translation>学生复学后，按此间隔和次数密切随访，之后再恢复该分级通常的随访间隔。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>After a return: a follow-up every %1 days, %2 times (the first %3 days).</source>
        <translation>复学后：每 %1 天随访一次，共 %2 次（覆盖最初 %3 天）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not read the policy: %1</source>
        <translation>无法读取学校策略：%1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Saved. Reminders and follow-up dates use these values from now on.</source>
        <translation>已保存。此后的提醒和随访日期将使用这些数值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to save: these are the values in force.</source>
        <translation>无需保存：这些就是当前生效的数值。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not saved: correct the value marked in red.</source>
        <translation>未保存：请更正标红的数值。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not saved: only an administrator can change the school policy.</source>
        <translation>未保存：仅管理员可以修改学校策略。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: unexpected error (%1).</source>
        <translation>未保存：发生意外错误（%1）。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 is not allowed: from %2 to %3.</source>
        <translation>不能为 %1：应为 %2 至 %3。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 days is too long: at most %2.</source>
        <translation>%1 天过长：最多 %2 天。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 days is too short: at least %2.</source>
        <translation>%1 天过短：至少 %2 天。</translation>
    </message>
</context>
<context>
    <name>ReferralTableModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/referrals_page.py" line="+93"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>转介机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>转介日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback due</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location line="+56"/>
        <source>Referrals</source>
        <translation>转介</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All referrals</source>
        <translation>全部转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open (not closed or withdrawn)</source>
        <translation>进行中（未结束、未撤回）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting feedback</source>
        <translation>待反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback overdue</source>
        <translation>反馈逾期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Referrals are visible to counsellors only.</source>
        <translation>转介记录仅心理教师可见。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No referrals yet.</source>
        <translation>暂无转介记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No referral in this state.</source>
        <translation>没有处于此状态的转介。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 referrals · %2 awaiting feedback</source>
        <translation>转介 %1 例 · 待反馈 %2 例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 overdue</source>
        <translation>逾期 %1 例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 shown</source>
        <translation>显示 %1 例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click a line to open the student&apos;s file</source>
        <translation>双击一行可打开学生档案</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/restore_dialog.py" line="+66"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The vault in %1 is replaced by the backup. The backup is checked and opened first; the vault there now is kept in a folder beside it, never deleted. Type the password of an account as it was when the backup was made.</source>
        <translation>%1 中的数据库将被备份替换。程序会先检查并打开备份；当前的数据库会保存在旁边的一个文件夹中，不会被删除。请输入某个账户在备份时所用的密码。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a .crbackup file</source>
        <translation>.crbackup 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup &amp;file:</source>
        <translation>备份文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CounselRoom backups (*%1)</source>
        <translation>CounselRoom 备份 (*%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Replace the vault?</source>
        <translation>替换数据库？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the vault in %1 by the backup %2?

Records written since the backup was made are not in it; the vault there now is kept aside.</source>
        <translation>要用备份 %2 替换 %1 中的数据库吗？

备份之后写入的记录不在备份中；当前的数据库会另行保留。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The password opens none of the backup&apos;s accounts (or the account is disabled in the backup). Nothing was replaced.</source>
        <translation>此密码无法打开备份中的任何账户（或该账户在备份中已停用）。未替换任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The vault is open in another CounselRoom window or command. Close it, then restore again. Nothing was replaced.</source>
        <translation>数据库已在另一个 CounselRoom 窗口或命令中打开。请先关闭它，再重新恢复。未替换任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a counsellor or an administrator can restore a backup.</source>
        <translation>只有心理教师或管理员可以恢复备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Not restored: %1</source>
        <translation>未恢复：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not restored: unexpected error (%1).</source>
        <translation>未恢复：发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>ResultEntryDialog</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/result_entry_dialog.py" line="+73"/>
        <source>Enter %1 sheets</source>
        <translation>录入 %1 答卷</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type a name or 学籍号</source>
        <translation>输入姓名或学籍号</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 digits 0-3, one per item (- for a blank item)</source>
        <translation>%1 个 0–3 的数字，每题一个（空题输入 -）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Item %1</source>
        <translation>第 %1 题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>100 answers: 1 = yes, 0 = no (spaces are ignored)</source>
        <translation>100 个答案：1 = 是，0 = 否（空格忽略不计）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer sheet (100 answers)</source>
        <translation>答卷（100 题作答）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform report (scale scores)</source>
        <translation>平台报告（分量表得分）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Student:</source>
        <translation>学生(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered from:</source>
        <translation>录入依据：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Answers:</source>
        <translation>作答(&amp;A)：</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>no total (sheet not complete)</source>
        <translation>无总分（答卷不完整）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved: %1, total %2.</source>
        <translation>已保存：%1，总分 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screening flags: %1.</source>
        <translation>筛查提示：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A same-day risk assessment is on today&apos;s dashboard.</source>
        <translation>当日风险评估任务已列入今日工作台。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>your account may not enter screening results</source>
        <translation>您的账户无权录入筛查结果</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved (unexpected error): %1</source>
        <translation>未保存（发生意外错误）：%1</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/areas/sheet_input.py" line="+63"/>
        <source>Several students are called %1: choose one from the list.</source>
        <translation>有多名学生叫“%1”：请从列表中选择一名。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a student of this batch&apos;s grades without a sheet yet.</source>
        <translation>请选择本批次所含年级中尚未录入答卷的学生。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 answers typed; the %2 has %3 items (type - for a blank item).</source>
        <translation>已输入 %1 个答案，而 %2 共 %3 题（空题输入 -）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>1 or 0</source>
        <translation>1 或 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 to 3</source>
        <translation>0 至 3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer %1 is “%2”: an answer is %3.</source>
        <translation>第 %1 个答案是“%2”：答案应为 %3。</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <location filename="../../src/counselroom/ui/intake/roster_kind.py" line="+28"/>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head teacher</source>
        <translation>班主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID document type</source>
        <translation>身份证件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number in class</source>
        <translation>班内学号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment date</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left-behind child</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migrant worker&apos;s child</source>
        <translation>进城务工人员随迁子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care groups</source>
        <translation>关爱群体</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Family member %1: name</source>
        <translation>家庭成员 %1：姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member %1: relation</source>
        <translation>家庭成员 %1：关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member %1: phone</source>
        <translation>家庭成员 %1：联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member %1: guardian</source>
        <translation>家庭成员 %1：是否监护人</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>To add</source>
        <translation>待新增</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>已新增</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To update</source>
        <translation>待更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not imported: %1 problem(s) in this row</source>
        <translation>未导入：本行有 %1 处问题</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check of %1, nothing saved yet: %2 data rows — %3 to add, %4 to update, %5 unchanged, %6 to skip because of problems.</source>
        <translation>%1 的检查结果（尚未保存）：共 %2 行数据 — 待新增 %3 行，待更新 %4 行，无变化 %5 行，因有问题将跳过 %6 行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported %1: %2 data rows — %3 added, %4 updated, %5 unchanged, %6 skipped because of problems.</source>
        <translation>已导入 %1：共 %2 行数据 — 新增 %3 行，更新 %4 行，无变化 %5 行，因有问题跳过 %6 行。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 problem(s), shown in red.</source>
        <translation>共 %1 处问题，已标红。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Import the roster</source>
        <translation>导入花名册</translation>
    </message>
</context>
<context>
    <name>SchoolPage</name>
    <message>
        <location filename="../../src/counselroom/ui/wizard/school_page.py" line="+32"/>
        <source>Your school</source>
        <translation>学校信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These details appear on notices to parents and reports to the district. Only the name is required; the rest can be filled in later.</source>
        <translation>这些信息将出现在家长告知书和向区县的报告中。仅学校名称为必填项，其余可稍后补充。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Primary school</source>
        <translation>小学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Junior secondary school</source>
        <translation>初级中学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senior secondary school</source>
        <translation>高级中学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete secondary school (junior and senior)</source>
        <translation>完全中学（初中和高中）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 重庆市渝北区实验中学</source>
        <translation>例如：重庆市渝北区实验中学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10-digit school identification code</source>
        <translation>10 位学校标识码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name and phone</source>
        <translation>姓名和电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>School &amp;name:</source>
        <translation>学校名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School &amp;type:</source>
        <translation>学校类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School &amp;code:</source>
        <translation>学校标识码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;District:</source>
        <translation>所在区县(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counselling room &amp;phone:</source>
        <translation>心理辅导室电话(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner &amp;hospital:</source>
        <translation>合作医院(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District education bureau &amp;contact:</source>
        <translation>区县教育部门联系人(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The vault will be created in %1</source>
        <translation>数据库将创建在 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The counselling room phone may hold only digits, spaces and - + ( ) / 转.</source>
        <translation>心理辅导室电话只能包含数字、空格和 - + ( ) / 转。</translation>
    </message>
</context>
<context>
    <name>ScreeningBatchModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/batch_list_model.py" line="+56"/>
        <source>Instrument</source>
        <translation>量表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grades</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>结果数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>提示数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PHQ-9 item 9 alerts</source>
        <translation>PHQ-9 第9题提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid sheets</source>
        <translation>无效答卷</translation>
    </message>
</context>
<context>
    <name>ScreeningChart</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/screening_chart.py" line="+84"/>
        <source>Screening totals over time</source>
        <translation>筛查总分变化</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 cut-off (%2)</source>
        <translation>%1 提示线（%2）</translation>
    </message>
</context>
<context>
    <name>ScreeningCutoffsGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_screening.py" line="+44"/>
        <source>Screening cut-offs</source>
        <translation>筛查提示线</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restore &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve cut-offs</source>
        <translation>保存提示线(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an administrator can change the cut-offs.</source>
        <translation>仅管理员可以修改提示线。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A cut-off only puts a student on the interview list (筛查提示); it never sets a tier. Saved values apply to sheets scored from then on; results already stored keep their flags.</source>
        <translation>提示线只会把学生列入访谈名单（筛查提示），不会设定分级。保存的数值适用于此后计分的答卷；已保存的结果保留原有的提示。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PHQ-9 &amp;flag at total:</source>
        <translation>PHQ-9 总分达到此值即提示(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PHQ-9 item &amp;9 alert above:</source>
        <translation>PHQ-9 第9题得分高于此值即提示(&amp;9)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Item 9 asks about thoughts of self-harm: an answer above this value creates a same-day risk assessment task whatever the total. The setting goes up to 2 only, so an answer of 3 always alerts — the alert cannot be switched off.</source>
        <translation>第9题询问自伤念头：无论总分多少，该题得分高于此值即生成当日风险评估任务。此值最高只能设为 2，因此该题答 3 时一定会提示——这一提示无法关闭。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PHQ-9 bands:</source>
        <translation>PHQ-9 程度分段：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;GAD-7 flag at total:</source>
        <translation>GAD-7 总分达到此值即提示(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GAD-7 bands:</source>
        <translation>GAD-7 程度分段：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;MHT sheet invalid at lie score:</source>
        <translation>MHT 效度量表得分达到此值即答卷无效(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MHT &amp;attention at content total:</source>
        <translation>MHT 内容量表总分达到此值即需特别关注(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MHT scal&amp;e high at:</source>
        <translation>MHT 分量表得分达到此值即偏高(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MHT item key:</source>
        <translation>MHT 计分键：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For answer sheets of 100 answers: a ticked item scores a point when answered 是 (yes), an unticked one when answered 否 (no).</source>
        <translation>用于 100 题的答卷：勾选的题答“是”计 1 分，未勾选的题答“否”计 1 分。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Could not read the cut-offs: %1</source>
        <translation>无法读取提示线：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Defaults shown. Press Save to use them.</source>
        <translation>已显示默认值。点击“保存提示线”后才会生效。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved. Sheets scored from now on use these cut-offs.</source>
        <translation>已保存。此后计分的答卷将使用这些提示线。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to save: these are the cut-offs in force.</source>
        <translation>无需保存：这些就是当前生效的提示线。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not saved: only an administrator can change the cut-offs.</source>
        <translation>未保存：仅管理员可以修改提示线。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: %1 — %2</source>
        <translation>未保存：%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: unexpected error (%1).</source>
        <translation>未保存：发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>ScreeningKind</name>
    <message>
        <location filename="../../src/counselroom/ui/intake/screening_kind.py" line="+52"/>
        <source>Import %1 screening results</source>
        <translation>导入 %1 筛查结果</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Item %1</source>
        <translation>第 %1 题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Student number (学籍号)</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 rows: %2 sheets scored, %3 flagged for an interview (%4 PHQ-9 item 9 alerts), %5 stored but not valid (retest), %6 without a matching student, %7 skipped.</source>
        <translation>共 %1 行：已计分答卷 %2 份，提示需访谈 %3 份（PHQ-9 第9题提示 %4 份），已保存但无效 %5 份（需重测），未匹配到学生 %6 行，跳过 %7 行。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check only, nothing stored yet.</source>
        <translation>仅为检查，尚未保存任何数据。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>total %1</source>
        <translation>总分 %1</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/screening_page.py" line="+87"/>
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New batch…</source>
        <translation>新建批次(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a screening: instrument, date, grades</source>
        <translation>登记一次筛查：量表、日期、年级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import results…</source>
        <translation>导入结果(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the chosen batch&apos;s results from an .xlsx or .csv file</source>
        <translation>从 .xlsx 或 .csv 文件读取所选批次的结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Enter a sheet…</source>
        <translation>录入答卷(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the chosen batch&apos;s paper sheets by hand</source>
        <translation>手工录入所选批次的纸质答卷</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Screening results are visible to counsellors only. A student&apos;s required actions are on the dashboard and in the student list.</source>
        <translation>筛查结果仅心理教师可见。学生需要落实的事项请在工作台和学生列表中查看。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No screening batches yet.</source>
        <translation>暂无筛查批次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 batches · %2 results · %3 flagged</source>
        <translation>%1 个批次 · %2 份结果 · %3 份提示</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Screening batch created.</source>
        <translation>筛查批次已创建。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+41"/>
        <source>the window is locked or still saving; try again</source>
        <translation>窗口已锁定或仍在保存，请重试</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../src/counselroom/ui/search_box.py" line="+21"/>
        <source>Search: name, pinyin or initials, student no., class</source>
        <translation>搜索：姓名、拼音或首字母、学籍号、班级</translation>
    </message>
</context>
<context>
    <name>SectionView</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/records.py" line="+165"/>
        <source>No records.</source>
        <translation>暂无记录。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/counselroom/ui/backup_folder.py" line="+16"/>
        <source>The folder does not exist (is the USB drive plugged in?).</source>
        <translation>文件夹不存在（U 盘是否已插好？）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This account cannot write to the folder.</source>
        <translation>当前账户无权写入该文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a folder outside the vault: a backup inside it is lost with the vault.</source>
        <translation>请选择数据库以外的文件夹：放在数据库内部的备份会随数据库一起丢失。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/settings_page.py" line="+109"/>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Takes effect the next time CounselRoom starts.</source>
        <translation>下次启动 CounselRoom 时生效。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text size:</source>
        <translation>文字大小(&amp;T)：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not save the settings in %1: %2</source>
        <translation>无法将设置保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved. The new language is used the next time CounselRoom starts.</source>
        <translation>已保存。新语言将在下次启动 CounselRoom 时生效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved. Text size %1 %.</source>
        <translation>已保存。文字大小为 %1%。</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>School policy (all computers of this vault, audited)</source>
        <translation>学校策略（适用于使用本数据库的所有电脑，修改记入审计）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The window locks after this many minutes without use (1 to %1): the keys are dropped and the password is asked again.</source>
        <translation>无操作达到此分钟数（1 至 %1）后窗口将锁定：密钥从内存中清除，需重新输入密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an administrator can change the school policy.</source>
        <translation>仅管理员可以修改学校策略。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Idle lock after:</source>
        <translation>无操作自动锁定(&amp;I)：</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Saved. The window now locks after %1 minutes without use.</source>
        <translation>已保存。现在无操作 %1 分钟后窗口将锁定。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not saved: only an administrator can change the school policy.</source>
        <translation>未保存：仅管理员可以修改学校策略。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved: unexpected error (%1).</source>
        <translation>未保存：发生意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/statistics_page.py" line="+101"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Individual counselling (attendances)</source>
        <translation>个体辅导（人次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group counselling (sessions)</source>
        <translation>团体辅导（场次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lectures (sessions)</source>
        <translation>心理讲座（场次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrals sent</source>
        <translation>转介（人次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening results</source>
        <translation>筛查（人次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening flags</source>
        <translation>筛查提示（人次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files closed</source>
        <translation>结案（例）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students on the roll</source>
        <translation>在册学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open files</source>
        <translation>在管个案</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>On the roll today</source>
        <translation>当前在册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work this term</source>
        <translation>本学期工作</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Students by tier</source>
        <translation>各分级人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Students by grade</source>
        <translation>各年级人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups that get particular care</source>
        <translation>重点关爱群体</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 (%2 to %3)</source>
        <translation>%1（%2 至 %3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No student is recorded in a care group.</source>
        <translation>暂无学生登记为关爱群体。</translation>
    </message>
</context>
<context>
    <name>StudentChooser</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/student_chooser.py" line="+60"/>
        <source>Students ticked in the list</source>
        <translation>列表中勾选的学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A whole grade:</source>
        <translation>整个年级：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All students of the school</source>
        <translation>全校学生</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 (%2 students)</source>
        <translation>%1（%2 名学生）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 student(s) chosen.</source>
        <translation>已选择 %1 名学生。</translation>
    </message>
</context>
<context>
    <name>StudentFile</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/contacts_tab.py" line="+32"/>
        <source>Contacts with the family (%1)</source>
        <translation>家校沟通记录（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+37"/>
        <location line="+35"/>
        <location filename="../../src/counselroom/ui/student_file/screening_tab.py" line="+59"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+40"/>
        <location line="+36"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="+158"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+23"/>
        <source>With</source>
        <translation>沟通对象</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No contact with the family has been recorded.</source>
        <translation>尚无家校沟通记录。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+56"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="+30"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>What was said</source>
        <translation>沟通内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was agreed</source>
        <translation>约定事项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Consents (%1)</source>
        <translation>知情同意（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Answer</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+34"/>
        <source>Answered by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>No consent has been recorded.</source>
        <translation>尚无知情同意记录。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Consent to %1</source>
        <translation>%1知情同意</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text agreed to</source>
        <translation>同意书文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/counselroom/ui/student_file/referrals_tab.py" line="+153"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper form / where filed</source>
        <translation>纸质表单/存放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About the withdrawal</source>
        <translation>撤回说明</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/documents_tab.py" line="+22"/>
        <source>Documents produced (%1)</source>
        <translation>已生成文书（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <location filename="../../src/counselroom/ui/student_file/plan_tab.py" line="+121"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+37"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <location filename="../../src/counselroom/ui/student_file/sessions_tab.py" line="+25"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <location filename="../../src/counselroom/ui/student_file/plan_tab.py" line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>No document has been printed for this student.</source>
        <translation>尚未为该学生打印过文书。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Template version</source>
        <translation>模板版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint (SHA-256)</source>
        <translation>文件指纹（SHA-256）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/leave_tab.py" line="+27"/>
        <source>Leave and return (%1)</source>
        <translation>休复学（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave from</source>
        <translation>休学日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <location filename="../../src/counselroom/ui/student_file/referrals_tab.py" line="-110"/>
        <location line="+49"/>
        <location line="+28"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="-28"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+30"/>
        <source>Expected back</source>
        <translation>预计复学</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Returned</source>
        <translation>复学日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This student has not been on leave.</source>
        <translation>该学生没有休学记录。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Leave from %1</source>
        <translation>%1 起休学</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused while the student is on leave</source>
        <translation>休学期间暂停</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entered in error; follow-up resumed</source>
        <translation>误录；随访已恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/counselroom/ui/student_file/plan_tab.py" line="-78"/>
        <location line="+67"/>
        <location filename="../../src/counselroom/ui/student_file/sessions_tab.py" line="+64"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="-30"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hospital certificate</source>
        <translation>医院证明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return on %1</source>
        <translation>%1 复学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parents applied</source>
        <translation>家长申请日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return meeting</source>
        <translation>复学会议日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closer follow-up until</source>
        <translation>密切随访至</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counselling frequency</source>
        <translation>辅导频次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery certificate</source>
        <translation>康复证明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why there is no certificate</source>
        <translation>无证明的原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counsellor&apos;s assessment</source>
        <translation>心理教师评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return plan</source>
        <translation>复学计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who watches</source>
        <translation>关注人员</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/plan_tab.py" line="-87"/>
        <source>Plan versions (%1)</source>
        <translation>方案版本（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written on</source>
        <translation>制定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Review on</source>
        <translation>复评日期</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+43"/>
        <source>Written by</source>
        <translation>制定人</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+44"/>
        <source>What changed</source>
        <translation>调整内容</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>No plan has been written for this student.</source>
        <translation>尚未为该学生制定一生一策方案。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Closures</source>
        <translation>结案记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+67"/>
        <source>Sessions</source>
        <translation>辅导次数</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+74"/>
        <source>Reopened</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>v%1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>first version</source>
        <translation>首版</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One student, one plan — version %1</source>
        <translation>一生一策 — 第 %1 版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written</source>
        <translation>制定时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../src/counselroom/ui/student_file/sessions_tab.py" line="-10"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk factors</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protective factors</source>
        <translation>保护因素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="-67"/>
        <location line="+94"/>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>File closed on %1</source>
        <translation>%1 结案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed by</source>
        <translation>结案人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals achieved</source>
        <translation>已达成的目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals not achieved</source>
        <translation>未达成的目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last screening scores</source>
        <translation>最近一次筛查得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counsellor&apos;s evaluation</source>
        <translation>心理教师评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District&apos;s closure evaluation</source>
        <translation>区县结案评价</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/records.py" line="+44"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="-30"/>
        <source>Only the psychology teacher can see these records.</source>
        <translation>仅心理教师可见。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/referrals_tab.py" line="-82"/>
        <source>Referrals (%1)</source>
        <translation>转介（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>Proposed</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>To</source>
        <translation>转介机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+52"/>
        <source>Seen</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>This student has not been referred.</source>
        <translation>该学生没有转介记录。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Referral to %1</source>
        <translation>转介至%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Guardian&apos;s consent</source>
        <translation>监护人知情同意</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/counselroom/ui/student_file/screening_tab.py" line="+27"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Sent</source>
        <translation>转介日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Feedback due</source>
        <translation>反馈期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — overdue</source>
        <translation>%1 — 已逾期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feedback</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the referral</source>
        <translation>转介原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback from the institution</source>
        <translation>机构反馈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnosis as told by the hospital (information only)</source>
        <translation>医院告知的诊断（仅作信息记录）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Treatment</source>
        <translation>治疗情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advice to the school</source>
        <translation>对学校的建议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps</source>
        <translation>进展</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/counselroom/ui/student_file/sessions_tab.py" line="+26"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="+38"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Consent withdrawn</source>
        <translation>同意撤回日期</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/screening_tab.py" line="-29"/>
        <source>Screening results (%1)</source>
        <translation>筛查结果（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instrument</source>
        <translation>量表</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+42"/>
        <source>Severity</source>
        <translation>程度</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+42"/>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>No screening results for this student.</source>
        <translation>该学生没有筛查结果。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid sheet</source>
        <translation>无效答卷</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A screening result is a prompt for an interview, not a diagnosis.</source>
        <translation>筛查结果只提示需要访谈，不是诊断。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lie scale</source>
        <translation>效度量表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item 9 (thoughts of self-harm)</source>
        <translation>第9题（自伤念头）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scales</source>
        <translation>分量表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale</source>
        <translation>分量表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answers</source>
        <translation>作答</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Items</source>
        <translation>题号</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/sessions_tab.py" line="-83"/>
        <source>Counselling sessions (%1)</source>
        <translation>辅导记录（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Risk check</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+36"/>
        <source>Counsellor</source>
        <translation>心理教师</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>No counselling sessions have been recorded.</source>
        <translation>尚无辅导记录。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Participants</source>
        <translation>参与人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next appointment</source>
        <translation>下次预约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed yet</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not written)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenting state</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amendments after signing</source>
        <translation>签名后的补充记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Confidentiality broken: who was told</source>
        <translation>打破保密：告知情况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head teacher told</source>
        <translation>告知班主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="+5"/>
        <location line="+21"/>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Guardian told</source>
        <translation>告知家长</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="-28"/>
        <source>Told by</source>
        <translation>经由</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/student_file/tiers_tab.py" line="-119"/>
        <source>Tier history</source>
        <translation>分级记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+75"/>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Based on</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+74"/>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>The tier has never been set or changed.</source>
        <translation>尚未设定或调整过分级。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notifications (%1 open)</source>
        <translation>通报（%1 项未完成）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tell</source>
        <translation>通报对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+95"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody has to be told about this student.</source>
        <translation>该学生没有需要通报的对象。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Concerns from the warning network</source>
        <translation>预警网络上报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reported</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+108"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+108"/>
        <source>Reporter</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+110"/>
        <source>Followed up</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>No concerns have been reported.</source>
        <translation>尚无预警上报。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Tier %1 → %2</source>
        <translation>分级 %1 → %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reason and evidence</source>
        <translation>原因与佐证</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review before lowering (研判)</source>
        <translation>降级前研判</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tell: %1</source>
        <translation>通报：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledgement</source>
        <translation>回执</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Concern reported on %1</source>
        <translation>%1 预警上报</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What was reported</source>
        <translation>上报内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>StudentFileLabels</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/labels.py" line="+36"/>
        <location line="+61"/>
        <source>interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>individual counselling</source>
        <translation>个体辅导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group counselling</source>
        <translation>团体辅导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crisis intervention</source>
        <translation>危机干预</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>family meeting</source>
        <translation>家庭会谈</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+107"/>
        <source>home visit</source>
        <translation>家访</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>face to face</source>
        <translation>面询</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+118"/>
        <source>by phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no risk found</source>
        <translation>未发现风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>risk of self-harm</source>
        <translation>自伤风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>risk of harm to others</source>
        <translation>伤人风险</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Presenting state</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+164"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Participants</source>
        <translation>参与人</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+37"/>
        <source>head teacher</source>
        <translation>班主任</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+1"/>
        <source>subject teachers</source>
        <translation>科任教师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moral education office</source>
        <translation>德育处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety office</source>
        <translation>安全管理办公室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vice principal in charge</source>
        <translation>分管校长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parents</source>
        <translation>家长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>district education bureau</source>
        <translation>区县教育部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>psychology teacher</source>
        <translation>心理教师</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>class peer supporter</source>
        <translation>心理委员</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+31"/>
        <location line="+28"/>
        <source>hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>grade leader</source>
        <translation>年级组长</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <location line="+14"/>
        <location line="+90"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+76"/>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>letter</source>
        <translation>书面</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>meeting</source>
        <translation>面谈</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+13"/>
        <source>screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>report from the warning network</source>
        <translation>预警报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hospital information</source>
        <translation>医院信息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>subject teacher</source>
        <translation>科任教师</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parent</source>
        <translation>家长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the student himself</source>
        <translation>学生本人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>police</source>
        <translation>公安</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counsellor&apos;s observation</source>
        <translation>心理教师观察</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>proposed</source>
        <translation>拟转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awaiting parents&apos; consent</source>
        <translation>待家长同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parents consented</source>
        <translation>家长已同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parents refused</source>
        <translation>家长拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referred</source>
        <translation>已转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seen by the hospital</source>
        <translation>已就诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feedback received</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+147"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency</source>
        <translation>危急</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>hotline</source>
        <translation>心理热线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service</source>
        <translation>心理服务机构</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parents&apos; meeting</source>
        <translation>家长会</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>screening participation</source>
        <translation>参加筛查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer of the file</source>
        <translation>档案移交</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>signed paper form</source>
        <translation>签字纸质表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>by message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on leave</source>
        <translation>休学中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>已复学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>notice to parents</source>
        <translation>家长告知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tier escalation notice</source>
        <translation>升级通报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report to the district</source>
        <translation>区县报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referral letter</source>
        <translation>转介函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one student, one plan</source>
        <translation>一生一策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return-to-school assessment</source>
        <translation>复学评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closure report</source>
        <translation>结案报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>goals met</source>
        <translation>目标达成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferred</source>
        <translation>转学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>graduated</source>
        <translation>毕业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referred and handed over</source>
        <translation>转介移交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost to follow-up</source>
        <translation>失访</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no file</source>
        <translation>未建档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file open</source>
        <translation>在管个案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Concern</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification</source>
        <translation>通报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session</source>
        <translation>辅导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amendment</source>
        <translation>补充记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home–school</source>
        <translation>家校沟通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave</source>
        <translation>休学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>复学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closure</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the student</source>
        <translation>学生本人</translation>
    </message>
</context>
<context>
    <name>StudentFileWindow</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/window.py" line="+122"/>
        <source>Student file</source>
        <translation>学生档案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One student, one plan</source>
        <translation>一生一策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>辅导记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiers and notifications</source>
        <translation>分级与通报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home–school</source>
        <translation>家校沟通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave and return</source>
        <translation>休复学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Opening the student&apos;s file…</source>
        <translation>正在打开学生档案…</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Your account may not open student files.</source>
        <translation>您的账户无权打开学生档案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file could not be opened: %1</source>
        <translation>无法打开档案：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file could not be opened because of an unexpected error (%1).</source>
        <translation>发生意外错误（%1），无法打开档案。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The window is locked.</source>
        <translation>窗口已锁定。</translation>
    </message>
</context>
<context>
    <name>StudentFilters</name>
    <message>
        <location filename="../../src/counselroom/ui/student_filters.py" line="+89"/>
        <source>Filter by grade</source>
        <translation>按年级筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by class</source>
        <translation>按班级筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by tier</source>
        <translation>按分级筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by care group</source>
        <translation>按关爱群体筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>All tiers</source>
        <translation>全部分级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All care groups</source>
        <translation>全部关爱群体</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All grades</source>
        <translation>全部年级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All classes</source>
        <translation>全部班级</translation>
    </message>
</context>
<context>
    <name>StudentTableModel</name>
    <message>
        <location filename="../../src/counselroom/ui/students_model.py" line="+237"/>
        <source>Student no.</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next follow-up</source>
        <translation>下次随访</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <location filename="../../src/counselroom/ui/students_page.py" line="-198"/>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add and update students from the student-status system&apos;s roster</source>
        <translation>根据学籍系统导出的花名册新增和更新学生</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the students on the roll as a roster spreadsheet (it imports back unchanged)</source>
        <translation>将在籍学生保存为花名册表格（可原样导回）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print parent notices…</source>
        <translation>打印家长告知书…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent notices for the students chosen in the list (Ctrl-click to choose several) or for a class, in one document</source>
        <translation>为列表中选中的学生（按住 Ctrl 单击可多选）或一个班级打印家长告知书，合成一个文件</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>%1 students saved to %2</source>
        <translation>已将 %1 名学生保存到 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The roster was not saved: %1</source>
        <translation>花名册未保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The roster was not saved (unexpected error): %1</source>
        <translation>花名册未保存（意外错误）：%1</translation>
    </message>
</context>
<context>
    <name>StudentsPanel</name>
    <message>
        <location filename="../../src/counselroom/ui/students_panel.py" line="+103"/>
        <source>Double-click or press Enter to open the student&apos;s file</source>
        <translation>双击或按回车键打开学生档案</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 students in all, %2 shown</source>
        <translation>共 %1 名学生，显示 %2 名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No students in this vault yet. A counsellor or an administrator imports the roster exported from the student-status system: “Import roster…” above this list, or “counselroom roster import”.</source>
        <translation>数据库中还没有学生。请由心理教师或管理员导入从学籍系统导出的花名册：点击列表上方的“导入花名册…”，或使用“counselroom roster import”命令。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No student matches the search and the filters. “Clear filters” shows all.</source>
        <translation>没有符合搜索和筛选条件的学生。点击“清除筛选”可显示全部学生。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No student matches “%1”.</source>
        <translation>没有与“%1”匹配的学生。</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_templates_editor.py" line="+41"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt (回执)</source>
        <translation>回执</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a lone “%1”. A placeholder is written {name}; a brace printed as it is, {{ or }}.</source>
        <translation>单独的“%1”。占位符写作 {名称}；要印出花括号本身，请写 {{ 或 }}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{%1} is not a placeholder of this document. Choose one from the list.</source>
        <translation>{%1} 不是本文书的占位符。请从列表中选择。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the title is empty.</source>
        <translation>标题为空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TemplateList</name>
    <message>
        <location line="+9"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>TemplatesGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_templates.py" line="+58"/>
        <source>Document wording (文书模板)</source>
        <translation>文书模板</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>what changed and why (kept in the history)</source>
        <translation>改了什么、为什么改（记入历史）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to &amp;default</source>
        <translation>恢复默认(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History</source>
        <translation>历史版本(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save wording</source>
        <translation>保存措辞(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only an administrator can change the wording of printed documents.</source>
        <translation>只有管理员可以修改文书的措辞。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Change &amp;note:</source>
        <translation>修改说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The wording every printed document of this kind uses, for all computers of this vault. Placeholders in braces are filled from the student&apos;s file.</source>
        <translation>本类文书打印时使用的措辞，对使用此保险库的所有电脑有效。花括号中的占位符按学生档案填写。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Unsaved wording</source>
        <translation>措辞未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The wording in the editor has not been saved. Discard it?</source>
        <translation>编辑框中的措辞尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Could not read the wording: %1</source>
        <translation>无法读取措辞：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Preview with fictional sample data — %1</source>
        <translation>用虚构示例数据预览 — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview with fictional sample data</source>
        <translation>用虚构示例数据预览</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The preview shows the last wording without problems.</source>
        <translation>预览显示的是最近一次没有问题的措辞。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No preview: correct the problem marked in red.</source>
        <translation>无法预览：请改正红色标出的问题。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Nothing to save: this is the wording in force.</source>
        <translation>无需保存：这就是现行措辞。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as version %1. Documents printed from now on use this wording.</source>
        <translation>已保存为第 %1 版。此后打印的文书使用此措辞。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not saved: someone saved this wording meanwhile — reload to see their version (your text stays in the editor until you reload).</source>
        <translation>未保存：其间有人保存了此措辞——请重新载入查看其版本（重新载入前，您的文字仍保留在编辑框中）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not saved: correct the wording marked in red.</source>
        <translation>未保存：请改正红色标出的措辞。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a version in the history first.</source>
        <translation>请先在历史版本中选择一个版本。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The built-in wording</source>
        <translation>内置措辞</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is in the editor. Save to make it the wording in force.</source>
        <translation>%1 已载入编辑框。保存后成为现行措辞。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/settings_templates_model.py" line="-62"/>
        <source>In force: the built-in wording (never changed).</source>
        <translation>现行：内置措辞（从未修改）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In force: version %1, saved %2 by %3.</source>
        <translation>现行：第 %1 版，%2 由 %3 保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>only an administrator can change the wording.</source>
        <translation>只有管理员可以修改措辞。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected error (%1).</source>
        <translation>意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>TierCountModel</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/statistics_models.py" line="-52"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Students</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../src/counselroom/ui/student_file/timeline_view.py" line="+59"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location line="+55"/>
        <source>Double-click a line to open the record</source>
        <translation>双击一行可打开该记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 records, newest first</source>
        <translation>共 %1 条记录，最新的在前</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only tier decisions and notifications are listed: sessions, plans, referrals and screenings are for the psychology teacher.</source>
        <translation>此处仅列出分级决定和通报；辅导记录、方案、转介和筛查仅心理教师可见。</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/page.py" line="+49"/>
        <source>Transfers</source>
        <translation>档案转接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>档案转接: student files to and from other schools</source>
        <translation>档案转接：与其他学校之间转出、转入学生档案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Send student files…</source>
        <translation>发送学生档案(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Receive an archive…</source>
        <translation>接收转接档案(&amp;R)…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 trusted school(s), %2 archive(s) sent, %3 received</source>
        <translation>受信任的学校 %1 所，已发送转接档案 %2 份，已接收 %3 份</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only counsellors and administrators send and receive student files.</source>
        <translation>只有心理教师和管理员可以发送和接收学生档案。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sent %1 student file(s): %2</source>
        <translation>已发送 %1 份学生档案：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Received %1 student file(s) from %2</source>
        <translation>已从%2接收 %1 份学生档案</translation>
    </message>
</context>
<context>
    <name>TrustListGroup</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/trust_list.py" line="+56"/>
        <source>School card (*.crcard);;All files (*)</source>
        <translation>学校名片 (*.crcard);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Trusted schools</source>
        <translation>受信任的学校</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add a card…</source>
        <translation>添加名片(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files are sent only to these schools, and files from them are accepted without asking. Add a school&apos;s card after comparing its fingerprint.</source>
        <translation>档案只发送给这些学校；来自这些学校的档案直接接受，不再询问。请先核对学校名片的指纹，再添加名片。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Add a school&apos;s card</source>
        <translation>添加学校名片</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card not read: %1</source>
        <translation>未能读取名片：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Trusted: %1.</source>
        <translation>已信任：%1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the window is locked</source>
        <translation>窗口已锁定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Take %1 off the trust list? Files can no longer be sent to it, and files from it will need its fingerprint compared again. Past transfers keep its name.</source>
        <translation>将 %1 从信任列表中移除吗？之后将不能再向该校发送档案；接收该校的档案时需要重新核对指纹。以往的转接记录仍保留该校名称。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove a trusted school?</source>
        <translation>移除受信任的学校？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed: %1.</source>
        <translation>已移除：%1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not removed: %1</source>
        <translation>未移除：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>your account may not change the trust list.</source>
        <translation>您的账户无权修改信任列表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected error (%1).</source>
        <translation>意外错误（%1）。</translation>
    </message>
</context>
<context>
    <name>TrustedCardsModel</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/models.py" line="-108"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trusted</source>
        <translation>信任时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 by %2</source>
        <translation>%1，%2 添加</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>School code: %1</source>
        <translation>学校标识码：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District: %1</source>
        <translation>所在区县：%1</translation>
    </message>
</context>
<context>
    <name>WordingEditor</name>
    <message>
        <location filename="../../src/counselroom/ui/settings_templates_editor.py" line="+24"/>
        <source>Placeholders</source>
        <translation>占位符</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Click to write it at the cursor. {{ and }} print a brace.</source>
        <translation>单击即插入到光标处。{{ 和 }} 印出花括号。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Placeholders:</source>
        <translation>占位符：</translation>
    </message>
</context>
<context>
    <name>activities</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/activity_dialog.py" line="-140"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the number of participants, from %1 to %2.</source>
        <translation>请填写参加人数，%1 至 %2 人。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is in the future.</source>
        <translation>%1 晚于今天。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too long: at most %1 characters.</source>
        <translation>太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/areas/activity_model.py" line="-25"/>
        <source>group counselling</source>
        <translation>团体辅导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lecture</source>
        <translation>讲座</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Logged by %1</source>
        <translation>登记人：%1</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/calendar_day.py" line="+60"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan review</source>
        <translation>方案复评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notification task</source>
        <translation>通报任务</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Notify %1</source>
        <translation>通报%1</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>%1 %2/%3</source>
        <translation>%2月%3日 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/codes.py" line="+28"/>
        <source>proposed</source>
        <translation>拟转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awaiting guardian consent</source>
        <translation>待家长同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent given</source>
        <translation>家长已同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consent refused</source>
        <translation>家长拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>referred</source>
        <translation>已转介</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seen by the institution</source>
        <translation>已就诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feedback received</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency</source>
        <translation>危急</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>head teacher</source>
        <translation>班主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>subject teachers</source>
        <translation>科任教师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moral education office</source>
        <translation>德育处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safety office</source>
        <translation>安全管理办公室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vice principal in charge</source>
        <translation>分管校长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>guardian</source>
        <translation>家长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>district education bureau</source>
        <translation>区县教育部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counsellor (same-day risk assessment)</source>
        <translation>心理教师（当日完成风险评估）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grade leader</source>
        <translation>年级组长</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PHQ-9 above the cut-off</source>
        <translation>PHQ-9 达到提示线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PHQ-9 item 9 answered (self-harm thoughts)</source>
        <translation>PHQ-9 第9题自伤念头提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GAD-7 above the cut-off</source>
        <translation>GAD-7 达到提示线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MHT total needs special attention</source>
        <translation>MHT 需特别关注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MHT sheet invalid (lie scale): retest</source>
        <translation>MHT 效度不足，需重测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an MHT scale is high</source>
        <translation>MHT 分量表得分偏高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer sheet incomplete: retest</source>
        <translation>答卷不完整，需重测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported concern</source>
        <translation>预警上报</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>learning anxiety</source>
        <translation>学习焦虑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>social anxiety</source>
        <translation>对人焦虑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loneliness</source>
        <translation>孤独倾向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>self-blame</source>
        <translation>自责倾向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oversensitivity</source>
        <translation>过敏倾向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>physical symptoms</source>
        <translation>身体症状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phobic tendency</source>
        <translation>恐怖倾向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impulsive tendency</source>
        <translation>冲动倾向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lie scale</source>
        <translation>效度量表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimal</source>
        <translation>极轻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderately severe</source>
        <translation>中重度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>scored</source>
        <translation>已计分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored, sheet not valid</source>
        <translation>已保存，答卷无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no matching student</source>
        <translation>未匹配到学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>left-behind children</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single-parent or bereaved</source>
        <translation>单亲/丧亲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>divorced family</source>
        <translation>离异家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnosed mental disorder</source>
        <translation>心理障碍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>children in hardship</source>
        <translation>困境儿童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>migrant children</source>
        <translation>流动/随迁子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poverty or financial hardship</source>
        <translation>贫困/经济困难</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>internet addiction</source>
        <translation>沉迷网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bullied at school</source>
        <translation>遭遇校园欺凌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>domestic violence</source>
        <translation>遭遇家暴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>family upheaval</source>
        <translation>家庭变故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>graduating-year exam pressure</source>
        <translation>毕业年级升学压力</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/dashboard_sections.py" line="-62"/>
        <source>Same-day risk assessment (PHQ-9 item 9)</source>
        <translation>当日风险评估（PHQ-9 第9题）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notify %1</source>
        <translation>通报%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inform %1 (risk of self-harm or harm to others)</source>
        <translation>告知%1（自伤/他伤风险）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ask whether the student was seen</source>
        <translation>了解学生是否已就诊</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the institution for feedback</source>
        <translation>向机构索取反馈</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review plan version %1</source>
        <translation>复评第 %1 版方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review the plan</source>
        <translation>复评方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No session since the file was opened</source>
        <translation>建档后尚无辅导记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up session</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due tomorrow</source>
        <translation>明日到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1 d</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>PHQ-9 item 9 (thoughts of self-harm) was answered above 0: assess the risk today. A screening flag (筛查提示), not a diagnosis.</source>
        <translation>PHQ-9 第9题（自伤念头）得分高于 0：请于今日完成风险评估。这是筛查提示，不是诊断。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 overdue</source>
        <translation>逾期 %1 项</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to do today</source>
        <translation>今日无待办事项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Visible to counsellors only</source>
        <translation>仅心理教师可见</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/counselroom/ui/labels.py" line="+21"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>general</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crisis</source>
        <translation>危机</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none (observe)</source>
        <translation>无/观察</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>general psychological problem</source>
        <translation>一般心理问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serious psychological problem</source>
        <translation>严重心理问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>major psychological crisis</source>
        <translation>重大心理危机</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>enrolled</source>
        <translation>在读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on leave</source>
        <translation>休学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transferred out</source>
        <translation>转出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>graduated</source>
        <translation>毕业</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counsellor</source>
        <translation>心理教师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <location filename="../../src/counselroom/domain/answers.py" line="+59"/>
        <source>%1 is a formula: an answer is 0-%2</source>
        <translation>%1 是公式：答案应为 0-%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not an answer: an answer is 0-%2</source>
        <translation>%1 不是有效答案：答案应为 0-%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a whole number: an answer is 0-%2</source>
        <translation>%1 不是整数：答案应为 0-%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is out of range: an answer is 0-%2</source>
        <translation>%1 超出范围：答案应为 0-%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is a formula: an MHT answer is 是/否 (1/0)</source>
        <translation>%1 是公式：MHT 的答案应为 是/否（1/0）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not an answer: an MHT answer is 是/否 (1/0)</source>
        <translation>%1 不是有效答案：MHT 的答案应为 是/否（1/0）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/id_cells.py" line="+37"/>
        <source>region code %1 is invalid; the number ends in 000, so Excel probably stored it as a number and lost its last digits: format the column as text (文本) and export again</source>
        <translation>地区码 %1 无效；号码以 000 结尾，可能是 Excel 把它存成了数字而丢掉了最后几位：请把该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>birth date %1 is not a real date; the number ends in 000, so Excel probably stored it as a number and lost its last digits: format the column as text (文本) and export again</source>
        <translation>出生日期 %1 不是真实存在的日期；号码以 000 结尾，可能是 Excel 把它存成了数字而丢掉了最后几位：请把该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>birth date %1 is before %2; the number ends in 000, so Excel probably stored it as a number and lost its last digits: format the column as text (文本) and export again</source>
        <translation>出生日期 %1 早于 %2 年；号码以 000 结尾，可能是 Excel 把它存成了数字而丢掉了最后几位：请把该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>birth date %1 is in the future; the number ends in 000, so Excel probably stored it as a number and lost its last digits: format the column as text (文本) and export again</source>
        <translation>出生日期 %1 晚于今天；号码以 000 结尾，可能是 Excel 把它存成了数字而丢掉了最后几位：请把该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>check character is %1, expected %2; the number ends in 000, so Excel probably stored it as a number and lost its last digits: format the column as text (文本) and export again</source>
        <translation>校验位是 %1，应为 %2；号码以 000 结尾，可能是 Excel 把它存成了数字而丢掉了最后几位：请把该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/cells.py" line="+99"/>
        <source>%1 could be January or October (Excel turns 2010.10 typed as a number into 2010.1); write 2010-01 or 2010-10, or format the column as text (文本)</source>
        <translation>%1 可能是 1 月，也可能是 10 月（在数字格式的单元格里输入 2010.10，Excel 会变成 2010.1）；请写成 2010-01 或 2010-10，或把该列设置为文本格式</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 puts the year last, so day and month could be either way round; write the year first, like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305 (year and month only: 2010-03)</source>
        <translation>%1 把年份写在最后，日和月的先后无法确定；请把年份写在前面，如 2010-03-05、2010/3/5、2010.3.5、2010年3月5日或 20100305（只有年月时：2010-03）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown gender %1; write 男 or 女 (also M/F, 1/2), or leave it empty</source>
        <translation>无法识别的性别 %1；请填写 男 或 女（也可用 M/F、1/2），或留空</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is not a yes/no answer; write 是 or 否 (also Y/N, 1/0, √/×), or leave it empty</source>
        <translation>%1 不是“是/否”；请填写 是 或 否（也可用 Y/N、1/0、√/×），或留空</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 has the year %2, before %3; check the year</source>
        <translation>%1 的年份是 %2，早于 %3 年；请检查年份</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a real date (check the month and the day)</source>
        <translation>%1 不是真实存在的日期（请检查月和日）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a date: an Excel date number must be %2-%3; write the date like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305 (year and month only: 2010-03)</source>
        <translation>%1 不是日期：Excel 的日期序号应在 %2-%3 之间；请按如下格式填写日期：2010-03-05、2010/3/5、2010.3.5、2010年3月5日或 20100305（只有年月时：2010-03）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 has a two-digit year, which is ambiguous; write the year in full, like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305 (year and month only: 2010-03)</source>
        <translation>%1 的年份只有两位，含义不明确；请写完整的四位年份，如 2010-03-05、2010/3/5、2010.3.5、2010年3月5日或 20100305（只有年月时：2010-03）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the date is empty; write it like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305 (year and month only: 2010-03)</source>
        <translation>日期为空；请按如下格式填写：2010-03-05、2010/3/5、2010.3.5、2010年3月5日或 20100305（只有年月时：2010-03）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a date; write it like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305 (year and month only: 2010-03)</source>
        <translation>%1 不是日期；请按如下格式填写：2010-03-05、2010/3/5、2010.3.5、2010年3月5日或 20100305（只有年月时：2010-03）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/id_cells.py" line="+30"/>
        <source>%1: the number was stored as a number in Excel and lost its last digits; format the column as text (文本) and export again</source>
        <translation>%1：这个号码在 Excel 中被存成了数字，最后几位已经丢失；请把该列设置为文本格式后重新导出</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/classes.py" line="+79"/>
        <source>class number must be 1-%1 (got %2)</source>
        <translation>班号应为 1-%1（实际为 %2）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 has no grade; write it like 初二(3)班, or fill the grade (年级) column</source>
        <translation>%1 没有年级；请写成 初二(3)班 这样的形式，或填写“年级”列</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 does not say whether it is 初中 or 高中; write 初%2 or 高%2, or fill the grade (年级) column</source>
        <translation>%1 没有说明是初中还是高中；请写成 初%2 或 高%2，或填写“年级”列</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>class %1 is in %2 but the grade column says %3</source>
        <translation>班级 %1 属于%2，但年级列写的是 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>class %1 is in %2 but the grade column says %3 (%4)</source>
        <translation>班级 %1 属于%2，但年级列写的是 %3（%4）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 has no class number; write it like 初二(3)班</source>
        <translation>%1 没有班号；请写成 初二(3)班 这样的形式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read a grade and class from %1 (write it like 初二(3)班)</source>
        <translation>无法从 %1 读出年级和班级（请写成 初二(3)班 这样的形式）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read a grade from %1 (write it like 初二 or 八年级)</source>
        <translation>无法从 %1 读出年级（请写成 初二 或 八年级 这样的形式）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 is not a grade of %2; write it like 初二(3)班</source>
        <translation>%1 不是%2的年级；请写成 初二(3)班 这样的形式</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2 has no grade %3; write it like 初二(3)班</source>
        <translation>%1：%2没有 %3 年级；请写成 初二(3)班 这样的形式</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 is not a %3 class in the %4-%5 school year (%3 classes are %6-%7)</source>
        <translation>%1：在 %4-%5 学年，%2 不是%3的班级（%3的班级为 %6-%7）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/class_numerals.py" line="+30"/>
        <source>cannot read a class number from %1 (write it like 初二(3)班)</source>
        <translation>无法从 %1 读出班号（请写成 初二(3)班 这样的形式）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: a class number must be 1-%2</source>
        <translation>%1：班号应为 1-%2</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/grades.py" line="+65"/>
        <source>unknown grade %1</source>
        <translation>无法识别的年级 %1</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/idnumbers.py" line="+50"/>
        <source>region code %1 is invalid</source>
        <translation>地区码 %1 无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date %1 is not a real date</source>
        <translation>出生日期 %1 不是真实存在的日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date %1 is before %2</source>
        <translation>出生日期 %1 早于 %2 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date %1 is in the future</source>
        <translation>出生日期 %1 晚于今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check character is %1, expected %2</source>
        <translation>校验位是 %1，应为 %2</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>student number must start with %1 (got %2)</source>
        <translation>学籍号应以 %1 开头（实际为 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>student number must be %1 characters, G and an 18-character ID number (got %2)</source>
        <translation>学籍号应为 %1 位：G 加 18 位身份证件号（实际为 %2 位）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ID number must be %1 characters (got %2)</source>
        <translation>身份证件号应为 %1 位（实际为 %2 位）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>character %1 must be a digit (got %2)</source>
        <translation>第 %1 位应为数字（实际为 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>check character must be a digit or X (got %1)</source>
        <translation>校验位应为数字或 X（实际为 %1）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/scoring.py" line="+129"/>
        <source>%1 score is missing</source>
        <translation>缺少%1得分</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>total %1 is not the sum of the scales (%2)</source>
        <translation>总分 %1 不等于各分量表得分之和（%2）</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>%1 score must be a whole number (got %2)</source>
        <translation>%1得分应为整数（实际为 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 score must be 0-%2 (got %3)</source>
        <translation>%1得分应为 0-%2（实际为 %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lie (效度) score must be a whole number (got %1)</source>
        <translation>效度量表得分应为整数（实际为 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lie (效度) score must be 0-%1 (got %2)</source>
        <translation>效度量表得分应为 0-%1（实际为 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>total must be a whole number (got %1)</source>
        <translation>总分应为整数（实际为 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total must be 0-%1 (got %2)</source>
        <translation>总分应为 0-%1（实际为 %2）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/intake/columns.py" line="+110"/>
        <source>no header row found in the first %1 rows; expected column headers such as %2</source>
        <translation>前 %1 行中找不到表头；应有 %2 等列标题</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/intake/roster_reasons.py" line="+14"/>
        <source>a formula, not a value: paste the column as values (选择性粘贴→数值) and import again</source>
        <translation>这是公式，不是数值：请把该列以数值方式粘贴（选择性粘贴→数值）后重新导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has %1 characters; at most %2</source>
        <translation>有 %1 个字，最多 %2 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be one line of text, without control characters</source>
        <translation>应为单行文字，不能含控制字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is empty; every row needs the student&apos;s name</source>
        <translation>为空；每一行都需要学生姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a name has at most %1 characters</source>
        <translation>姓名最多 %1 个字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a name may not hold control characters</source>
        <translation>姓名不能含控制字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos;: a phone number holds only digits, spaces, &apos;-&apos; and &apos;+&apos;</source>
        <translation>“%1”：电话号码只能包含数字、空格、“-”和“+”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; is not a phone number (%2-%3 digits)</source>
        <translation>“%1”不是电话号码（应为 %2-%3 位数字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is empty; every row needs the 学籍号</source>
        <translation>为空；每一行都需要学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is before %2</source>
        <translation>%1 早于 %2 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is before the birth date</source>
        <translation>%1 早于出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is in the future</source>
        <translation>%1 晚于今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>says born %1, the birth date column says %2</source>
        <translation>身份证件号显示出生于 %1，出生日期列写的是 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>says male, the gender column says female</source>
        <translation>身份证件号显示为男，性别列写的是女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>says female, the gender column says male</source>
        <translation>身份证件号显示为女，性别列写的是男</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read a grade from &apos;%1&apos; (write it like 初二)</source>
        <translation>无法从“%1”读出年级（请写成 初二 这样的形式）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is empty, but other 成员%1 columns are filled</source>
        <translation>为空，但成员%1的其他列已填写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the same 学籍号 is on row %1</source>
        <translation>第 %1 行有相同的学籍号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same ID number is on row %1</source>
        <translation>第 %1 行有相同的身份证件号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>names %1 as 班主任 of %2, row %3 names %4</source>
        <translation>写 %1 为%2的班主任，但第 %3 行写的是 %4</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/intake/screening_fields.py" line="+181"/>
        <source>no header row found in the first 10 rows; expected column headers such as 学籍号, 姓名, 班级 and 第1题 … 第%1题 (or 1 … %1, Q1 … Q%1)</source>
        <translation>前 10 行中找不到表头；应有 学籍号、姓名、班级 和 第1题 … 第%1题（或 1 … %1、Q1 … Q%1）等列标题</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/intake/screening_reasons.py" line="+16"/>
        <source>has a header row but no data rows; nothing to import</source>
        <translation>只有表头，没有数据行；没有可导入的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has no 学籍号 column and no 姓名 and 班级 columns, so its rows cannot be matched to students; map a 学籍号 column, or 姓名 and 班级</source>
        <translation>既没有学籍号列，也没有姓名和班级列，无法把各行对应到学生；请指定学籍号列，或指定姓名和班级列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>maps both item answers and MHT scale scores; map one or the other</source>
        <translation>同时指定了各题答案和 MHT 分量表得分；请只指定其中一种</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has MHT scale columns (学习焦虑, 对人焦虑, …); %1 is scored from its %2 item columns — is this an MHT file?</source>
        <translation>包含 MHT 分量表列（学习焦虑、对人焦虑……）；%1 要根据 %2 道题的答案计分——这是不是 MHT 的文件？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>has no column for %1; an MHT platform export needs the 8 scale scores and the lie (效度) score</source>
        <translation>缺少 %1 列；MHT 测评平台导出的文件需要 8 个分量表得分和效度量表得分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has no column for %1, 效度 (lie); an MHT platform export needs the 8 scale scores and the lie (效度) score</source>
        <translation>缺少 %1、效度量表 列；MHT 测评平台导出的文件需要 8 个分量表得分和效度量表得分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has no column for 效度 (lie); an MHT platform export needs the 8 scale scores and the lie (效度) score</source>
        <translation>缺少效度量表列；MHT 测评平台导出的文件需要 8 个分量表得分和效度量表得分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has no item columns; %1&apos;s answers must be in columns headed 1 … %2, Q1 … Q%2 or 第1题 … 第%2题</source>
        <translation>没有题目列；%1 的答案应放在标题为 1 … %2、Q1 … Q%2 或 第1题 … 第%2题 的列中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>has item columns %1; %2 has %3 items — is this an %4 file?</source>
        <translation>有第 %1 题的列，但 %2 共有 %3 题——这是不是 %4 的文件？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has item columns %1; %2 has %3 items — is this a %4 file?</source>
        <translation>有第 %1 题的列，但 %2 共有 %3 题——这是不是 %4 的文件？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has item columns %1; %2 has %3 items (no column for item %4)</source>
        <translation>有第 %1 题的列，但 %2 共有 %3 题（缺少第 %4 题的列）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has item columns %1; %2 has %3 items</source>
        <translation>有第 %1 题的列，但 %2 共有 %3 题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is a formula, not a score: %2 is a whole number 0-%3</source>
        <translation>%1 是公式，不是得分：%2得分应为 0-%3 的整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a score: %2 is a whole number 0-%3</source>
        <translation>%1 不是得分：%2得分应为 0-%3 的整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is out of range: %2 is a whole number 0-%3</source>
        <translation>%1 超出范围：%2得分应为 0-%3 的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a formula, not a score: 效度 (lie) is a whole number 0-%2</source>
        <translation>%1 是公式，不是得分：效度量表得分应为 0-%2 的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a score: 效度 (lie) is a whole number 0-%2</source>
        <translation>%1 不是得分：效度量表得分应为 0-%2 的整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is out of range: 效度 (lie) is a whole number 0-%2</source>
        <translation>%1 超出范围：效度量表得分应为 0-%2 的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a formula, not a score: 总分 (total) is a whole number 0-%2</source>
        <translation>%1 是公式，不是得分：总分应为 0-%2 的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a score: 总分 (total) is a whole number 0-%2</source>
        <translation>%1 不是得分：总分应为 0-%2 的整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is out of range: 总分 (total) is a whole number 0-%2</source>
        <translation>%1 超出范围：总分应为 0-%2 的整数</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/intake/sheet_reasons.py" line="+14"/>
        <source>is an old-format %1 workbook; save it as .xlsx (Excel 2007 or later) or .csv and import again</source>
        <translation>是旧格式的 %1 工作簿；请另存为 .xlsx（Excel 2007 或更高版本）或 .csv 后重新导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read %1 files; save it as .xlsx (Excel 2007 or later) or .csv and import again</source>
        <translation>无法读取 %1 文件；请另存为 .xlsx（Excel 2007 或更高版本）或 .csv 后重新导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read files without an extension; save it as .xlsx (Excel 2007 or later) or .csv and import again</source>
        <translation>无法读取没有扩展名的文件；请另存为 .xlsx（Excel 2007 或更高版本）或 .csv 后重新导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file has no rows; choose the file that holds the data</source>
        <translation>文件中没有任何行；请选择存有数据的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is %1 MB, far larger than a roster or score file; check that this is the right file</source>
        <translation>文件大小为 %1 MB，远大于花名册或成绩文件；请确认选对了文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot open the file (%1)</source>
        <translation>无法打开文件（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file has more than %1 rows; a roster or score file has fewer — check that this is the right file, or split it</source>
        <translation>文件超过 %1 行，花名册或成绩文件不会这么多——请确认选对了文件，或把它拆分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not a readable .xlsx file (damaged or not Excel); it is an old .xls or a password-protected workbook; open it in Excel or WPS, remove any password and save it as .xlsx</source>
        <translation>不是可读取的 .xlsx 文件（已损坏或不是 Excel 文件）；它是旧的 .xls 文件或设了密码的工作簿：请用 Excel 或 WPS 打开，取消密码后另存为 .xlsx</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is not a readable .xlsx file (damaged or not Excel); open it in Excel or WPS and save it again as .xlsx</source>
        <translation>不是可读取的 .xlsx 文件（已损坏或不是 Excel 文件）；请用 Excel 或 WPS 打开，重新另存为 .xlsx</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the workbook has no worksheet with data</source>
        <translation>工作簿中没有存有数据的工作表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row %1 is not readable CSV (%2); save it as .xlsx (Excel 2007 or later) or .csv and import again</source>
        <translation>第 %1 行不是可读取的 CSV（%2）；请另存为 .xlsx（Excel 2007 或更高版本）或 .csv 后重新导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is an Excel workbook, not text; rename it to .xlsx and import it</source>
        <translation>是 Excel 工作簿，不是文本文件；请把扩展名改为 .xlsx 后导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is an old-format Excel workbook, not text; save it as .xlsx (Excel 2007 or later) or .csv and import again</source>
        <translation>是旧格式的 Excel 工作簿，不是文本文件；请另存为 .xlsx（Excel 2007 或更高版本）或 .csv 后重新导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>contains binary data, not text; save it as .xlsx (Excel 2007 or later) or .csv and import again</source>
        <translation>含有二进制数据，不是文本文件；请另存为 .xlsx（Excel 2007 或更高版本）或 .csv 后重新导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the text is neither UTF-8 nor GB18030 (GBK); open it in Excel or WPS and save it as .xlsx or as CSV UTF-8, then import again</source>
        <translation>文本编码既不是 UTF-8 也不是 GB18030（GBK）；请用 Excel 或 WPS 打开，另存为 .xlsx 或“CSV UTF-8”后重新导入</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/roster_import.py" line="+137"/>
        <source>header row %1 is not in the file</source>
        <translation>文件中没有第 %1 行（表头行）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown roster field %1</source>
        <translation>未知的花名册字段 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is mapped to column %2, past the last</source>
        <translation>%1 对应的是第 %2 列，超出了最后一列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>column %1 is mapped to both %2 and %3; map each column once</source>
        <translation>第 %1 列同时对应了 %2 和 %3；每一列只能对应一项</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no column is mapped to %1: choose its column and import again (on the command line: --map %2=COLUMN)</source>
        <translation>没有列对应 %1：请为它选择一列后重新导入（命令行中用 --map %2=列）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no column is mapped to %1 and %2: choose its column and import again (on the command line: --map %3=COLUMN)</source>
        <translation>没有列对应 %1 和 %2：请为它们选择列后重新导入（命令行中用 --map %3=列）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file has a header row but no students below it</source>
        <translation>文件只有表头，下面没有学生</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/roster_plan.py" line="+151"/>
        <source>roster says 否 for %1; the file keeps the group</source>
        <translation>花名册中“%1”为“否”；档案仍保留该关爱群体</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the vault has this student as %1; the import keeps that status</source>
        <translation>数据库中该学生为“%1”；导入后仍保持该状态</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>班主任 is ignored: the row gives no class</source>
        <translation>班主任未导入：这一行没有班级</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/roster_vault.py" line="+109"/>
        <source>belongs to %1 (学籍号 %2) in the vault</source>
        <translation>在数据库中属于 %1（学籍号 %2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>belongs to %1 (id %2) in the vault</source>
        <translation>在数据库中属于 %1（编号 %2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the vault has 学籍号 %1 as %2; the row is skipped: correct the file, or the student&apos;s file if the vault is wrong</source>
        <translation>数据库中学籍号 %1 是 %2；这一行已跳过：请更正文件；如果是数据库有误，请更正该学生的档案</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the vault has 学籍号 %1 born %2; the row is skipped: correct the file, or the student&apos;s file if the vault is wrong</source>
        <translation>数据库中学籍号 %1 的出生日期是 %2；这一行已跳过：请更正文件；如果是数据库有误，请更正该学生的档案</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not the grade of the student&apos;s class %2; give the 班级 as well</source>
        <translation>%1 不是该生所在班级 %2 的年级；请同时填写班级</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is after a counselling session or parent contact already recorded on %2</source>
        <translation>%1 晚于 %2 已记录的辅导或家校沟通</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 disagrees with the ID number in the vault (%2)</source>
        <translation>%1 与数据库中的身份证件号不符（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>says born %1, the vault has %2</source>
        <translation>身份证件号显示出生于 %1，数据库中是 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>says gender %1, the vault has %2</source>
        <translation>身份证件号显示性别为 %1，数据库中是 %2</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/screening_batches.py" line="+85"/>
        <source>must be a term label (got %1)</source>
        <translation>应为学期名称（实际为 %1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not in %2 (%3 – %4)</source>
        <translation>%1 不在%2内（%3 – %4）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>at least one grade is required</source>
        <translation>至少选择一个年级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>grade must be 1-12 (got %1)</source>
        <translation>年级应为 1-12（实际为 %1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is for grade %2 and up (got %3)</source>
        <translation>%1 适用于 %2 年级及以上（实际为 %3 年级）</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>no screening batch with id %1</source>
        <translation>没有编号为 %1 的筛查批次</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>give either the answers or (MHT) the scale scores</source>
        <translation>请填写各题答案，或（MHT）填写分量表得分，二者选一</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has %2 items (got %3 answers)</source>
        <translation>%1 共有 %2 题（实际有 %3 个答案）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>answer must be 0-%1 (got %2)</source>
        <translation>答案应为 0-%1（实际为 %2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is entered as answers, not scale scores</source>
        <translation>%1 应录入各题答案，而不是分量表得分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown MHT scale %1</source>
        <translation>未知的 MHT 分量表 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the lie (效度) score is required</source>
        <translation>必须填写效度量表得分</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/document_batch.py" line="+63"/>
        <location filename="../../src/counselroom/services/screening_batches.py" line="+24"/>
        <source>no student with id %1</source>
        <translation>没有编号为 %1 的学生</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/screening_rows.py" line="+89"/>
        <source>the same student as row %1; none of these rows is imported — keep the right one and import again</source>
        <translation>与第 %1 行是同一名学生；这几行都没有导入——请只保留正确的一行后重新导入</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>has no answers: the student did not sit the screening; not imported</source>
        <translation>没有任何答案：该生没有参加这次筛查；未导入</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>PHQ-9 item 9 is %1 (thoughts of self-harm) but the row is not imported: find the student and assess the risk today</source>
        <translation>PHQ-9 第9题为 %1 分（有自伤念头），但这一行没有导入：请找到该生，当日完成风险评估</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/screening_import.py" line="+113"/>
        <source>batch %1 holds %2 results; this file is imported as %3</source>
        <translation>批次 %1 是 %2 的结果；而这个文件是按 %3 导入的</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/screening_rows.py" line="+29"/>
        <source>the sheet is incomplete (item %1 unanswered or unreadable): stored as invalid and not scored; the student retakes the screening</source>
        <translation>答卷不完整（第 %1 题未作答或无法识别）：已存为无效答卷，不计分；该生需要重测</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the sheet is incomplete: stored as invalid and not scored; the student retakes the screening</source>
        <translation>答卷不完整：已存为无效答卷，不计分；该生需要重测</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/screening_match.py" line="+24"/>
        <source>is a formula, not a value; paste the values (选择性粘贴 → 数值) and import again</source>
        <translation>是公式，不是数值；请以数值方式粘贴（选择性粘贴 → 数值）后重新导入</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>has no 学籍号, and no name and class to find the student by</source>
        <translation>没有学籍号，也没有可用来查找学生的姓名和班级</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no student named %1 in %2 in the vault</source>
        <translation>数据库中%2没有名叫 %1 的学生</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 students named %2 in %3; add the 学籍号 column to tell them apart (the row is not matched to either)</source>
        <translation>%3有 %1 名学生叫 %2；请加上学籍号列以便区分（这一行没有对应到任何一人）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>no student with 学籍号 %1 in the vault (import the roster first)</source>
        <translation>数据库中没有学籍号为 %1 的学生（请先导入花名册）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>学籍号 %1 is %2 in the vault, not %3; check the row (it is not matched)</source>
        <translation>数据库中学籍号 %1 是 %2，不是 %3；请检查这一行（未对应到学生）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/screening_results.py" line="+53"/>
        <source>the student has left the school (transferred, 已转出); a result is not added to his file</source>
        <translation>该生已离校（已转出）；结果不会加入其档案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the student has left the school (graduated, 已毕业); a result is not added to his file</source>
        <translation>该生已离校（已毕业）；结果不会加入其档案</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the student already has a result in this batch</source>
        <translation>该生在本批次已有结果</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>the student was in grade %1, not one of the batch&apos;s grades (%2)</source>
        <translation>该生当时在 %1 年级，不属于本批次的年级（%2）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/problem_text.py" line="+32"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/intake/import_kind.py" line="+112"/>
        <source>has %1 columns; at most %2 can be imported: delete the columns that are not needed and import again</source>
        <translation>有 %1 列，最多只能导入 %2 列：请删除不需要的列后重新导入</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/terms.py" line="+85"/>
        <source>%1 is not a term like 2026-2027学年第一学期</source>
        <translation>%1 不是学期，请写成 2026-2027学年第一学期 这样的形式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>school year %1-%2 must span two consecutive years</source>
        <translation>学年 %1-%2 应为相邻的两个年份</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/checks.py" line="+37"/>
        <source>contains a NUL character</source>
        <translation>含有空字符（NUL）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is %1 characters long (at most %2)</source>
        <translation>长度为 %1 个字符（最多 %2 个）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>is required</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 is in the future (today is %2)</source>
        <translation>%1 晚于今天（今天是 %2）。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 is before the student&apos;s enrolment (%2)</source>
        <translation>%1 早于该学生的入学日期（%2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../src/counselroom/services/consents.py" line="+128"/>
        <source>%1 is before the student&apos;s birth date (%2)</source>
        <translation>%1 早于该学生的出生日期（%2）。</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/domain/referral_flow.py" line="+64"/>
        <source>%1 is before the referral was proposed (%2)</source>
        <translation>%1 早于提出转介的日期（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is before the guardian was asked for consent (%2)</source>
        <translation>%1 早于征求家长同意的日期（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is before the guardian&apos;s consent on %2</source>
        <translation>%1 早于家长同意的日期 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is before the guardian&apos;s refusal on %2</source>
        <translation>%1 早于家长拒绝的日期 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is before the referral was sent on %2</source>
        <translation>%1 早于转介日期 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is before the student was seen on %2</source>
        <translation>%1 早于就诊日期 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is before the hospital&apos;s feedback on %2</source>
        <translation>%1 早于医院反馈日期 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 is not a referral state</source>
        <translation>%1 不是有效的转介状态</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>the referral is %1: no further step can be recorded</source>
        <translation>该转介%1，不能再登记后续步骤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a referral in state %1 cannot go to %2 (the next step may be: %3)</source>
        <translation>处于“%1”状态的转介不能变为“%2”（下一步可以是：%3）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/consents.py" line="-49"/>
        <source>a referral&apos;s consent is recorded as a step of the referral</source>
        <translation>转介的知情同意须作为转介的一个步骤登记</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a referral needs a guardian&apos;s consent</source>
        <translation>转介须经监护人同意</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a refusal is recorded with the name of a witness</source>
        <translation>登记拒绝时须写明见证人姓名</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the student&apos;s birth date is unknown, so a guardian must consent (under 14 only a guardian may)</source>
        <translation>该学生出生日期不详，须由监护人同意（未满 14 周岁只能由监护人同意）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the student is %1 on %2 (born %3): under 14 a guardian must consent</source>
        <translation>该学生在 %2 时为 %1 周岁（出生于 %3）：未满 14 周岁须由监护人同意</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>there is no consent with id %1</source>
        <translation>没有编号为 %1 的知情同意</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a refusal cannot be withdrawn</source>
        <translation>拒绝记录不能撤回</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the consent was already withdrawn on %1</source>
        <translation>该知情同意已于 %1 撤回</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is before the consent was given on %2</source>
        <translation>%1 早于作出同意的日期 %2</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/institutions.py" line="+87"/>
        <location line="+12"/>
        <source>there is no institution with id %1</source>
        <translation>没有编号为 %1 的转介机构</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was deleted from the directory of institutions: choose another, or ask an administrator to restore it</source>
        <translation>%1 已从转介机构名录中删除：请另选机构，或请管理员恢复该机构</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 is already in the directory</source>
        <translation>%1 已在转介机构名录中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 was deleted: restore it before changing it</source>
        <translation>%1 已删除：请先恢复再修改</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>%1 was already deleted</source>
        <translation>%1 已被删除</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not deleted</source>
        <translation>%1 未被删除</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/referral_steps.py" line="+39"/>
        <source>there is no referral with id %1</source>
        <translation>没有编号为 %1 的转介</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/referrals.py" line="+224"/>
        <source>the hospital&apos;s feedback needs the day the student was seen (the referral was sent on %1 and no visit is recorded)</source>
        <translation>登记医院反馈须填写就诊日期（该转介的转介日期为 %1，尚未登记就诊）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 differs from the visit already recorded (%2)</source>
        <translation>%1 与已登记的就诊日期（%2）不一致</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/leave.py" line="+82"/>
        <source>the expected return %1 is not after the start of the leave %2</source>
        <translation>预计复学日期 %1 不晚于休学开始日期 %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is before the student returned from his previous leave (%2)</source>
        <translation>%1 早于该生上次休学后复学的日期（%2）</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>the parents&apos; application on %1 is after the return meeting on %2</source>
        <translation>家长申请日期 %1 晚于复学会议日期 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the return meeting on %1 is after the return on %2</source>
        <translation>复学会议日期 %1 晚于复学日期 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is required: record the recovery certificate, or the reason there is none (missing_certificate_reason)</source>
        <translation>必填：请登记康复证明，或写明没有证明的原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a recovery certificate is recorded, so there is no reason for a missing one</source>
        <translation>已登记康复证明，无需填写缺少证明的原因</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the parents&apos; application on %1 is before the leave started on %2</source>
        <translation>家长申请日期 %1 早于休学开始日期 %2</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/leave_rules.py" line="+22"/>
        <source>only an enrolled student can go on leave; this one is transferred</source>
        <translation>只有在读学生可以休学；该生已转出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only an enrolled student can go on leave; this one is graduated</source>
        <translation>只有在读学生可以休学；该生已毕业</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the student is already on leave: record his return first</source>
        <translation>该生正在休学：请先登记复学</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the student is already on leave since %1: record his return first</source>
        <translation>该生自 %1 起正在休学：请先登记复学</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no leave with id %1</source>
        <translation>没有编号为 %1 的休学记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the leave from %1 has ended (its return was recorded); only a leave in progress can end with a return or be cancelled</source>
        <translation>%1 起的休学已结束（已登记复学）；只有正在进行的休学才能登记复学或撤销</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the leave from %1 has ended (it was cancelled); only a leave in progress can end with a return or be cancelled</source>
        <translation>%1 起的休学已结束（已撤销）；只有正在进行的休学才能登记复学或撤销</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/document_reasons.py" line="+37"/>
        <source>printing needs a counsellor</source>
        <translation>打印需要心理教师账户</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the student is at tier 0: parent notices go out from tier 1</source>
        <translation>该生为零级：家长告知书从一级起发出</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the notification list of tier %1 does not include the district</source>
        <translation>%1 级的通报名单不含区县教育部门</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file has no plan</source>
        <translation>档案中没有方案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no return from leave (复学) is recorded</source>
        <translation>没有复学记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file has no closure (结案)</source>
        <translation>档案尚未结案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file was reopened after its last closure</source>
        <translation>档案在上次结案后已重新开启</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the student has no file (一生一策 档案)</source>
        <translation>该生尚未建立一生一策档案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is closed (结案)</source>
        <translation>档案已结案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the notification list of tier %1 names no school staff</source>
        <translation>%1 级的通报名单中没有学校人员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the guardian is told by the parent notice (parent-notice)</source>
        <translation>家长通过家长告知书告知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the district is told by the district report (district-report)</source>
        <translation>区县教育部门通过上报单告知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the notification list of tier %1 does not include %2</source>
        <translation>%1 级的通报名单不含%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the file has no referral that was not withdrawn</source>
        <translation>档案中没有未撤回的转介</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>referral %1 was withdrawn</source>
        <translation>转介 %1 已撤回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>referral %1 is not one of this student&apos;s</source>
        <translation>转介 %1 不属于该生</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/document_fonts.py" line="+88"/>
        <source>fonts: %1 (embedded)</source>
        <translation>字体：%1（已嵌入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fonts: %1 (embedded), titles %2</source>
        <translation>字体：%1（已嵌入），标题 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fonts: STSong-Light, built into PDF readers and not embedded: the document may look different on another PC; install a Chinese TrueType font (e.g. SimSun or WenQuanYi Zen Hei) or choose one in the settings</source>
        <translation>字体：STSong-Light，由 PDF 阅读器提供，未嵌入：在其他电脑上显示可能不同；请安装中文 TrueType 字体（如宋体或文泉驿正黑），或在设置中选择一种</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the chosen font file %1 is not used (%2); fonts: %3 (embedded)</source>
        <translation>未使用所选字体文件 %1（%2）；字体：%3（已嵌入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the chosen font file %1 is not used (%2); fonts: %3 (embedded), titles %4</source>
        <translation>未使用所选字体文件 %1（%2）；字体：%3（已嵌入），标题 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the chosen font file %1 is not used (%2); fonts: STSong-Light, built into PDF readers and not embedded: the document may look different on another PC</source>
        <translation>未使用所选字体文件 %1（%2）；字体：STSong-Light，由 PDF 阅读器提供，未嵌入：在其他电脑上显示可能不同</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/backup_restore.py" line="+113"/>
        <source>%1: the backup does not verify: %2</source>
        <translation>%1：备份未通过校验：%2</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/school_cards.py" line="+55"/>
        <location filename="../../src/counselroom/transfer/backup_reader.py" line="+118"/>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/transfer_export.py" line="+164"/>
        <source>the passphrase needs at least %1 characters</source>
        <translation>口令至少需要 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/transfer_import.py" line="+60"/>
        <source>%1 is %2 MB, larger than any transfer archive</source>
        <translation>%1 大小为 %2 MB，超过了任何转接档案可能的大小</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 changed since it was previewed: open it again and compare the sender&apos;s fingerprint again; nothing was imported</source>
        <translation>%1 在预览之后已被更改：请重新打开，并再次核对发送学校的指纹；未导入任何内容</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>学籍号 %1 is %2 here but %3 in the archive: not merged (correct the 学籍号 in one of the schools, then import again)</source>
        <translation>学籍号 %1 在本校是 %2，在转接档案中却是 %3：未合并（请在其中一所学校更正学籍号后重新导入）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the archive is signed as %1 with fingerprint %2, but the card trusted for %3 has other keys: call the school and compare the fingerprint before trusting this one; nothing was imported</source>
        <translation>转接档案的签名方为 %1，指纹为 %2，但信任列表中 %3 的名片使用的是另一组密钥：请先打电话与该校核对指纹，再决定是否信任；未导入任何内容</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the sender %1 (fingerprint %2) is not on the trust list: compare the fingerprint with that school by phone, then trust the sender and import again; nothing was imported</source>
        <translation>发送方 %1（指纹 %2）不在信任列表中：请通过电话与该校核对指纹，然后信任该发送方并重新导入；未导入任何内容</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the archive&apos;s records break a rule of this vault (%1); nothing was imported</source>
        <translation>转接档案中的记录违反了本数据库的规则（%1）；未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/transfer/archive.py" line="+137"/>
        <source>the archive has no %1</source>
        <translation>转接档案中缺少 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the manifest&apos;s signature does not verify with the key of %1: the list of students was changed after it was signed</source>
        <translation>清单的签名无法用 %1 的密钥验证：学生名单在签名后被改动过</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the sender addressed the archive by %1, but it was encrypted by %2: it was decrypted and encrypted again after it was made</source>
        <translation>发送方指定的加密方式是 %1，但转接档案实际以 %2 方式加密：它在制作后曾被解密并重新加密</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the manifest says the archive is for %1, not for this school</source>
        <translation>清单注明此转接档案是发给 %1 的，不是发给本校的</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the archive holds %1, which the manifest does not list</source>
        <translation>转接档案中含有清单未列出的 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the manifest lists %1 (%2), which is not in the archive</source>
        <translation>清单列出了 %1（%2），但转接档案中没有它</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2) is not what the sender signed: its SHA-256 differs</source>
        <translation>%1（%2）与发送方签名时的内容不一致：SHA-256 不同</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not JSON (%2)</source>
        <translation>%1 不是 JSON（%2）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: the manifest lists %2 (%3), but the document is the file of %4 (%5)</source>
        <translation>%1：清单列出的是 %2（%3），但文件内容是 %4（%5）的档案</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/transfer/age_layer.py" line="+35"/>
        <source>not a transfer archive: the file does not begin as an age file does</source>
        <translation>不是转接档案：文件开头与 age 文件不符</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the archive&apos;s passphrase protection asks for more memory than any archive CounselRoom makes (scrypt work factor %1, at most %2): not opened</source>
        <translation>该转接档案的口令保护所需内存超出 CounselRoom 制作的任何档案（scrypt 强度参数 %1，最多 %2）：未打开</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the archive is protected by a passphrase: enter the passphrase</source>
        <translation>转接档案受口令保护：请输入口令</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the archive does not open with this passphrase (a wrong passphrase, or the file was changed or cut short)</source>
        <translation>用此口令无法打开转接档案（口令错误，或文件被改动或截断）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the archive does not open with this school&apos;s key: it was made for another school&apos;s card, or its header was changed</source>
        <translation>用本校的密钥无法打开转接档案：它是按另一所学校的名片制作的，或其文件头被改动过</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the archive does not decrypt: the file was changed, cut short or extended after it was made</source>
        <translation>转接档案无法解密：文件在制作后被改动、截断或追加了内容</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/transfer/backup_reader.py" line="-65"/>
        <location line="+31"/>
        <location line="+7"/>
        <source>%1: not a CounselRoom backup (no %2)</source>
        <translation>%1：不是 CounselRoom 备份（缺少 %2）</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1: %2 is not the first member</source>
        <translation>%1：%2 不是第一个内部文件</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: the member %2 is missing</source>
        <translation>%1：缺少内部文件 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: a folder, not a backup file</source>
        <translation>%1：这是文件夹，不是备份文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+73"/>
        <source>%1: not a CounselRoom backup file</source>
        <translation>%1：不是 CounselRoom 备份文件</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>%1: the file is truncated or damaged (was the copy interrupted?)</source>
        <translation>%1：文件不完整或已损坏（复制是否被中断？）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the member %2 has a path we never write</source>
        <translation>%1：内部文件 %2 的路径不是本程序会写入的路径</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the member %2 is not a plain file</source>
        <translation>%1：内部文件 %2 不是普通文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: unexpected member %2 (not in a backup)</source>
        <translation>%1：意外的内部文件 %2（备份中不应有此文件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the member %2 appears twice</source>
        <translation>%1：内部文件 %2 出现了两次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the member %2 is too large</source>
        <translation>%1：内部文件 %2 过大</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+111"/>
        <source>%1: %2 is not valid (%3)</source>
        <translation>%1：%2 无效（%3）</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>%1: backup format version %2 is not one this program reads (%3)</source>
        <translation>%1：本程序无法读取备份格式版本 %2（可读取的版本：%3）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1: the member %2 is not the size %3 lists</source>
        <translation>%1：内部文件 %2 的大小与 %3 中所列的不符</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: the member %2 does not match its SHA-256 (the file was changed)</source>
        <translation>%1：内部文件 %2 与其 SHA-256 不符（文件被改动过）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: unexpected data after the last member (damaged or extended)</source>
        <translation>%1：最后一个内部文件之后还有数据（文件已损坏或被追加了内容）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: %2 belongs to another vault than %3 names</source>
        <translation>%1：%2 属于另一个数据库，与 %3 中注明的不符</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/transfer/cards.py" line="+107"/>
        <source>%1: larger than any school card</source>
        <translation>%1：超过了任何学校名片可能的大小</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: not a school card (not JSON)</source>
        <translation>%1：不是学校名片（不是 JSON）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not a CounselRoom school card</source>
        <translation>%1：不是 CounselRoom 学校名片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: card version %2 is not one this program reads</source>
        <translation>%1：本程序无法读取名片版本 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: unexpected or missing fields: %2</source>
        <translation>%1：有多余或缺少的字段：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the field %2 is not valid</source>
        <translation>%1：字段 %2 无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the card names no school</source>
        <translation>%1：名片中没有学校名称</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: the age recipient is not a valid key</source>
        <translation>%1：age 接收方公钥无效</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the signing key is not valid</source>
        <translation>%1：签名密钥无效</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the card&apos;s signature does not match (it was edited after it was made)</source>
        <translation>%1：名片的签名不符（名片在制作后被修改过）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/transfer/container.py" line="+70"/>
        <source>the archive&apos;s contents are damaged (tar: %1)</source>
        <translation>转接档案的内容已损坏（tar：%1）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>the archive&apos;s contents are not gzip data (%1)</source>
        <translation>转接档案的内容不是 gzip 数据（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the archive inflates to more than %1 MB (a decompression bomb?); nothing was imported</source>
        <translation>转接档案解压后超过 %1 MB（可能是解压炸弹）；未导入任何内容</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the archive&apos;s gzip data is cut short or has extra bytes</source>
        <translation>转接档案的 gzip 数据不完整或有多余字节</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the archive holds an absolute path: %1</source>
        <translation>转接档案中含有绝对路径：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the archive holds a path with &quot;..&quot;: %1</source>
        <translation>转接档案中含有带“..”的路径：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the archive holds %1, which is not a plain file</source>
        <translation>转接档案中的 %1 不是普通文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the archive holds %1; archives hold only manifest.json, manifest.sig and students/NNNN.json</source>
        <translation>转接档案中含有 %1；转接档案只应包含 manifest.json、manifest.sig 和 students/NNNN.json</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the archive holds %1 twice</source>
        <translation>转接档案中 %1 出现了两次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is %2 MB, over the limit of %3 MB per member</source>
        <translation>%1 大小为 %2 MB，超过了每个内部文件 %3 MB 的上限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the archive holds more than %1 members</source>
        <translation>转接档案中的内部文件超过 %1 个</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/transfer/manifest.py" line="+98"/>
        <source>the archive is format version %1; this program reads version %2 (update CounselRoom, or ask the sender for a version %2 archive)</source>
        <translation>转接档案的格式版本为 %1；本程序读取的是版本 %2（请更新 CounselRoom，或请发送方提供版本 %2 的转接档案）</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>%1 does not fit the archive format: %2</source>
        <translation>%1 不符合转接档案格式：%2</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/transfer/student_schema.py" line="+48"/>
        <source>%1: %2: expected an object</source>
        <translation>%1：%2：应为对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected a list</source>
        <translation>%1：%2：应为列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: missing</source>
        <translation>%1：%2：缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: unknown key</source>
        <translation>%1：%2：未知的键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: must not be null</source>
        <translation>%1：%2：不能为 null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected text</source>
        <translation>%1：%2：应为文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: text longer than %3 characters</source>
        <translation>%1：%2：文本超过 %3 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: more than %3 entries</source>
        <translation>%1：%2：条目超过 %3 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected a whole number</source>
        <translation>%1：%2：应为整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected a number from %3 to %4</source>
        <translation>%1：%2：应为 %3 至 %4 之间的数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected true or false</source>
        <translation>%1：%2：应为 true 或 false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected a date (YYYY-MM-DD)</source>
        <translation>%1：%2：应为日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected a date-time (YYYY-MM-DDTHH:MM:SS)</source>
        <translation>%1：%2：应为日期时间（YYYY-MM-DDTHH:MM:SS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: expected one of %3</source>
        <translation>%1：%2：应为 %3 之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: id %3 is used twice in %4</source>
        <translation>%1：%2：编号 %3 在 %4 中重复使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: no record with id %3 in %4</source>
        <translation>%1：%2：%4 中没有编号为 %3 的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2: plan version %3 is used twice</source>
        <translation>%1：%2：辅导方案第 %3 版出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: not a CounselRoom student document</source>
        <translation>%1：不是 CounselRoom 学生文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: student document version %2, this program reads version %3</source>
        <translation>%1：学生文档版本为 %2，本程序读取的是版本 %3</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/services/student_import_work.py" line="+36"/>
        <source>file state here %1, at the sender %2</source>
        <translation>档案状态：本校 %1，转出学校 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tier here %1, at the sender %2</source>
        <translation>分级：本校 %1，转出学校 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next follow-up here %1, at the sender %2</source>
        <translation>下次随访：本校 %1，转出学校 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name here %1, at the sender %2</source>
        <translation>姓名：本校 %1，转出学校 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gender here %1, at the sender %2</source>
        <translation>性别：本校 %1，转出学校 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date here %1, at the sender %2</source>
        <translation>出生日期：本校 %1，转出学校 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number here %1, at the sender %2</source>
        <translation>身份证件号：本校 %1，转出学校 %2</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>plan versions %1-%2 at the sender are numbered %3-%4 here</source>
        <translation>转出学校的第 %1–%2 版辅导方案在本校编为第 %3–%4 版</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <location filename="../../src/counselroom/ui/areas/table_kit.py" line="+82"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue %1 d</source>
        <translation>逾期 %1 天</translation>
    </message>
</context>
<context>
    <name>transfers</name>
    <message>
        <location filename="../../src/counselroom/ui/transfers/job_text.py" line="+18"/>
        <source>your account may not send or receive student files.</source>
        <translation>您的账户无权发送或接收学生档案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected error (%1: %2)</source>
        <translation>意外错误（%1：%2）</translation>
    </message>
    <message>
        <location filename="../../src/counselroom/ui/transfers/texts.py" line="+25"/>
        <source>on the trust list</source>
        <translation>在信任列表中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not on the trust list</source>
        <translation>不在信任列表中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KEYS CHANGED: a trusted school&apos;s name with other keys</source>
        <translation>密钥已变更：与受信任的学校同名，但密钥不同</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this school&apos;s own card</source>
        <translation>本校自己的名片</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sent (转出)</source>
        <translation>转出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received (转入)</source>
        <translation>转入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>school card</source>
        <translation>学校名片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passphrase</source>
        <translation>口令</translation>
    </message>
</context>
</TS>
