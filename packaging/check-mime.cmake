# ctest: the MIME type compiles with update-mime-database and claims *.reel.json.
#   cmake -DUPDATE_MIME_DATABASE=... -DMIME_XML=... -DWORK_DIR=... -P check-mime.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/packages)
file(COPY ${MIME_XML} DESTINATION ${WORK_DIR}/packages)
execute_process(COMMAND ${UPDATE_MIME_DATABASE} ${WORK_DIR}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT result EQUAL 0 OR out MATCHES "[Ww]arning|[Ee]rror")
  message(FATAL_ERROR "update-mime-database failed (${result}):\n${out}")
endif()
file(READ ${WORK_DIR}/globs2 globs)
if(NOT globs MATCHES ":application/x-reelsmith-project:\\*\\.reel\\.json")
  message(FATAL_ERROR "globs2 has no *.reel.json pattern:\n${globs}")
endif()
file(READ ${WORK_DIR}/subclasses subclasses)
if(NOT subclasses MATCHES "application/x-reelsmith-project application/json")
  message(FATAL_ERROR "not a sub-class of application/json:\n${subclasses}")
endif()
