# Fails when a translation has messages nobody translated yet (lupdate marks
# them unfinished; the editor would show them in English).
foreach(ts ${TS_FILES})
  if(NOT EXISTS "${ts}")
    message(FATAL_ERROR "${ts}: missing")
  endif()
  file(READ "${ts}" text)
  string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" open "${text}")
  list(LENGTH open count)
  if(count GREATER 0)
    string(REGEX REPLACE "[ \t\r\n]*<translation type=\"unfinished\"" "" open "${open}")
    message(FATAL_ERROR "${ts}: ${count} message(s) not translated: ${open}")
  endif()
endforeach()
