<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../src/counselroom/ui/header_bar.py" line="+20"/>
        <source>Signed in: %1 (%2, %3)</source>
        <translation>当前用户：%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(school name not set)</source>
        <translation>（未设置学校名称）</translation>
    </message>
</context>
<context>
    <name>LoginError</name>
    <message>
        <location filename="../../src/counselroom/ui/login_errors.py" line="+26"/>
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
        <location line="+7"/>
        <source>Cannot read the vault folder %1 (%2).</source>
        <translation>无法读取数据库文件夹 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../src/counselroom/ui/login.py" line="+68"/>
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
        <location line="+91"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>This vault has no user accounts that can sign in.</source>
        <translation>此数据库中没有可以登录的用户账户。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type the password of “%1”.</source>
        <translation>请输入“%1”的密码。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/counselroom/ui/main_window.py" line="+34"/>
        <source>CounselRoom</source>
        <translation>CounselRoom 心理辅导室</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload student list</source>
        <translation>重新载入学生名单(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading students…</source>
        <translation>正在载入学生名单…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>CounselRoom — %1</source>
        <translation>CounselRoom 心理辅导室 — %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not load the students: %1</source>
        <translation>无法载入学生名单：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 students in all, %2 shown</source>
        <translation>共 %1 名学生，显示 %2 名</translation>
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
    <name>StudentTableModel</name>
    <message>
        <location filename="../../src/counselroom/ui/students_model.py" line="+147"/>
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
    <name>StudentsPanel</name>
    <message>
        <location filename="../../src/counselroom/ui/students_panel.py" line="+104"/>
        <source>No students in this vault yet. Import the roster exported from the student-status system with “counselroom roster import”.</source>
        <translation>数据库中还没有学生。请用“counselroom roster import”导入从全国中小学生学籍信息管理系统导出的名单。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No student matches “%1”.</source>
        <translation>没有与“%1”匹配的学生。</translation>
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
</TS>
